package org.prefixd.dhcp6.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** RFC 8415 §15 on a virtual clock: an hour of retransmissions in microseconds. */
class RetransmissionTest {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final double MIDDLE = 0.5; // RAND = 0
    private static final double LOWEST = 0.0; // RAND = -0.1
    private static final double HIGHEST = Math.nextDown(1.0); // RAND ~ +0.1

    private static List<Duration> timeouts(RetransmissionParameters.Parameters p, double random, boolean solicit, int max) {
        Retransmission r = new Retransmission(p, T0, () -> random, solicit);
        List<Duration> rts = new ArrayList<>(List.of(r.rt()));
        Instant now = r.timeoutAt();
        for (int i = 0; i < max; i++) {
            Optional<Instant> next = r.retransmit(now);
            if (next.isEmpty()) break;
            rts.add(Duration.between(now, next.get()));
            now = next.get();
        }
        return rts;
    }

    @Test
    void doublesTheTimeoutUntilMrtWithoutRandomness() {
        List<Duration> rts = timeouts(RetransmissionParameters.REQUEST.parameters(), MIDDLE, false, 20);
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L, 30L, 30L), rts.stream().map(Duration::toSeconds).toList(),
                "Request: IRT 1 s, MRT 30 s, MRC 10");
    }

    @Test
    void theFirstSolicitTimeoutIsStrictlyGreaterThanIrt() {
        for (double r : new double[] {LOWEST, MIDDLE, HIGHEST}) {
            Duration first = new Retransmission(RetransmissionParameters.SOLICIT.parameters(), T0, () -> r, true).rt();
            assertTrue(first.compareTo(Duration.ofSeconds(1)) > 0 && first.compareTo(Duration.ofMillis(1100)) <= 0,
                    "first Solicit RT " + first + " for random " + r);
        }
    }

    @Test
    void everyTimeoutStaysWithinTheRandomBoundsTheRfcAllows() {
        Random random = new Random(42);
        RetransmissionParameters.Parameters p = RetransmissionParameters.SOLICIT.parameters();
        Retransmission r = new Retransmission(p, T0, random::nextDouble, true);
        Duration previous = r.rt();
        Instant now = r.timeoutAt();
        for (int i = 0; i < 200; i++) {
            Instant next = r.retransmit(now).orElseThrow();
            Duration rt = Duration.between(now, next);
            double low = Math.min(previous.toNanos() * 1.9, p.mrt().toNanos() * 0.9);
            double high = Math.min(previous.toNanos() * 2.1, p.mrt().toNanos() * 1.1);
            assertTrue(rt.toNanos() >= low - 1 && rt.toNanos() <= high + 1,
                    "RT " + rt + " after " + previous + " is outside [" + (long) low + ", " + (long) high + "] ns");
            previous = rt;
            now = next;
        }
        assertTrue(previous.compareTo(Duration.ofSeconds(3240)) >= 0, "Solicit settles around SOL_MAX_RT 3600 s: " + previous);
    }

    @Test
    void givesUpAfterMrcTransmissions() {
        assertEquals(4, timeouts(RetransmissionParameters.RELEASE.parameters(), MIDDLE, false, 100).size(), "Release: REL_MAX_RC 4");
        assertEquals(10, timeouts(RetransmissionParameters.REQUEST.parameters(), HIGHEST, false, 100).size(), "Request: REQ_MAX_RC 10");
    }

    @Test
    void givesUpAtMrdAndCutsTheLastTimeoutToEndThere() {
        RetransmissionParameters.Parameters confirm = RetransmissionParameters.CONFIRM.parameters(); // MRT 4, MRD 10
        Retransmission r = new Retransmission(confirm, T0, () -> MIDDLE, false);
        Instant now = r.timeoutAt();
        Instant last = now;
        while (true) {
            Optional<Instant> next = r.retransmit(now);
            if (next.isEmpty()) break;
            last = next.get();
            now = last;
        }
        assertEquals(T0.plusSeconds(10), last, "the last timeout ends at MRD");
        assertEquals(4, r.transmissions(), "1 s, 2 s, 4 s, then 3 s up to MRD");
    }

    @Test
    void renewRetransmitsUntilT2() {
        RetransmissionParameters.Parameters renew = RetransmissionParameters.RENEW.withMrd(Duration.ofSeconds(1800));
        List<Duration> rts = timeouts(renew, MIDDLE, false, 100);
        Duration total = rts.stream().reduce(Duration.ZERO, Duration::plus);
        assertEquals(Duration.ofSeconds(1800), total, "Renew stops at T2: " + rts);
        assertEquals(List.of(10L, 20L, 40L, 80L, 160L, 320L, 600L, 570L), rts.stream().map(Duration::toSeconds).toList());
    }

    @Test
    void elapsedTimeCountsHundredthsFromTheFirstTransmissionAndSaturates() {
        Retransmission r = new Retransmission(RetransmissionParameters.SOLICIT.parameters(), T0, () -> MIDDLE, true);
        assertEquals(0, r.elapsedHundredths(T0));
        assertEquals(150, r.elapsedHundredths(T0.plusMillis(1500)));
        assertEquals(0xffff, r.elapsedHundredths(T0.plusSeconds(3600)));
    }

    @Test
    void aSolMaxRtFromTheServerChangesTheCeiling() {
        List<Duration> rts = timeouts(RetransmissionParameters.SOLICIT.withMrt(Duration.ofSeconds(60)), MIDDLE, false, 12);
        assertEquals(Duration.ofSeconds(60), rts.get(rts.size() - 1));
    }
}
