package org.prefixd.dhcp6.client;

import java.time.Duration;

/**
 * RFC 8415 §7.6 and §15: per message type, the initial retransmission time (IRT), its maximum
 * (MRT), the maximum count (MRC) and duration (MRD) — data, not branches. Zero means "no limit"
 * for MRT, MRC and MRD. Renew and Rebind get their MRD from the lease (until T2, until the
 * valid lifetimes end), so it is given when a {@link Retransmission} starts.
 */
public enum RetransmissionParameters {
    SOLICIT(Duration.ofSeconds(1), Duration.ofSeconds(3600), 0, Duration.ZERO),
    REQUEST(Duration.ofSeconds(1), Duration.ofSeconds(30), 10, Duration.ZERO),
    CONFIRM(Duration.ofSeconds(1), Duration.ofSeconds(4), 0, Duration.ofSeconds(10)),
    RENEW(Duration.ofSeconds(10), Duration.ofSeconds(600), 0, Duration.ZERO),
    REBIND(Duration.ofSeconds(10), Duration.ofSeconds(600), 0, Duration.ZERO),
    INFORMATION_REQUEST(Duration.ofSeconds(1), Duration.ofSeconds(3600), 0, Duration.ZERO),
    RELEASE(Duration.ofSeconds(1), Duration.ZERO, 4, Duration.ZERO),
    DECLINE(Duration.ofSeconds(1), Duration.ZERO, 4, Duration.ZERO);

    /** SOL_MAX_DELAY, CNF_MAX_DELAY, INF_MAX_DELAY: the random wait before the first message (§18.2.1). */
    public static final Duration FIRST_MESSAGE_MAX_DELAY = Duration.ofSeconds(1);

    public final Duration irt;
    public final Duration mrt;
    public final int mrc;
    public final Duration mrd;

    RetransmissionParameters(Duration irt, Duration mrt, int mrc, Duration mrd) {
        this.irt = irt;
        this.mrt = mrt;
        this.mrc = mrc;
        this.mrd = mrd;
    }

    /** The same parameters with another MRT: SOL_MAX_RT and INF_MAX_RT options change it (§21.24, §21.25). */
    public Parameters withMrt(Duration newMrt) {
        return new Parameters(irt, newMrt, mrc, mrd);
    }

    /** With another MRD: Renew until T2, Rebind until the leases expire. */
    public Parameters withMrd(Duration newMrd) {
        return new Parameters(irt, mrt, mrc, newMrd);
    }

    public Parameters parameters() {
        return new Parameters(irt, mrt, mrc, mrd);
    }

    /** The four values, possibly adjusted. */
    public record Parameters(Duration irt, Duration mrt, int mrc, Duration mrd) {
        public Parameters withMrd(Duration newMrd) {
            return new Parameters(irt, mrt, mrc, newMrd);
        }
    }
}
