package org.prefixd.dhcp6.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * The retransmission of one message (RFC 8415 §15): when to send it again, and when to give up.
 * The time and the randomness come from outside.
 *
 * <pre>
 * RT  = IRT + RAND*IRT                    first transmission (RAND > 0 for Solicit, §18.2.1)
 * RT  = 2*RTprev + RAND*RTprev            each retransmission
 * RT  = MRT + RAND*MRT                    when RT would exceed MRT (MRT > 0)
 * stop after MRC transmissions, or when MRD has passed since the first (the last RT is cut to end at MRD)
 * </pre>
 */
public final class Retransmission {
    private final RetransmissionParameters.Parameters parameters;
    private final DoubleSupplier random;
    private final boolean positiveFirstRand;
    private final Instant start;
    private Duration rt;
    private int transmissions;
    private Instant nextAt;

    /**
     * Starts with the first transmission at {@code start}.
     *
     * @param random uniform in [0, 1): RAND is taken as (2·random − 1)·0.1, so in [−0.1, 0.1)
     * @param positiveFirstRand Solicit: the first RT is strictly greater than IRT
     */
    public Retransmission(RetransmissionParameters.Parameters parameters, Instant start, DoubleSupplier random, boolean positiveFirstRand) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.random = Objects.requireNonNull(random, "random");
        this.positiveFirstRand = positiveFirstRand;
        this.start = Objects.requireNonNull(start, "start");
        this.transmissions = 1;
        double rand = positiveFirstRand ? (1 - unit()) * 0.1 : rand(); // (0, 0.1] or [-0.1, 0.1)
        Duration first = scale(parameters.irt(), 1 + rand);
        // A RAND just above 0 can round to exactly IRT: still strictly greater, by a nanosecond.
        this.rt = positiveFirstRand && first.compareTo(parameters.irt()) <= 0 ? parameters.irt().plusNanos(1) : first;
        this.nextAt = capByMrd(start.plus(rt));
    }

    /** When this transmission's timeout ends: retransmit then (or give up, see {@link #retransmit}). */
    public Instant timeoutAt() {
        return nextAt;
    }

    public int transmissions() {
        return transmissions;
    }

    public Instant start() {
        return start;
    }

    /** The current RT. */
    public Duration rt() {
        return rt;
    }

    /**
     * The timeout has ended at {@code now}: counts another transmission and returns when its
     * timeout ends, or empty when MRC or MRD says to give up.
     */
    public Optional<Instant> retransmit(Instant now) {
        if (parameters.mrc() > 0 && transmissions >= parameters.mrc()) return Optional.empty();
        if (!parameters.mrd().isZero() && !now.isBefore(start.plus(parameters.mrd()))) return Optional.empty();
        transmissions++;
        Duration next = scale(rt, 2 + rand());
        if (!parameters.mrt().isZero() && next.compareTo(parameters.mrt()) > 0) next = scale(parameters.mrt(), 1 + rand());
        rt = next;
        nextAt = capByMrd(now.plus(rt));
        return Optional.of(nextAt);
    }

    /** Elapsed Time option value (§21.9): hundredths of a second since the first transmission, at most 0xffff. */
    public int elapsedHundredths(Instant now) {
        if (transmissions == 1 && !now.isAfter(start)) return 0;
        long hundredths = Duration.between(start, now).toMillis() / 10;
        return (int) Math.max(0, Math.min(0xffff, hundredths));
    }

    private Instant capByMrd(Instant at) {
        if (parameters.mrd().isZero()) return at;
        Instant end = start.plus(parameters.mrd());
        return at.isAfter(end) ? end : at;
    }

    private double rand() {
        return (2 * unit() - 1) * 0.1;
    }

    private double unit() {
        double r = random.getAsDouble();
        if (!(r >= 0 && r < 1)) throw new IllegalStateException("random source gave " + r + ", not a value in [0, 1)");
        return r;
    }

    private static Duration scale(Duration d, double factor) {
        return Duration.ofNanos(Math.round(d.toNanos() * factor));
    }
}
