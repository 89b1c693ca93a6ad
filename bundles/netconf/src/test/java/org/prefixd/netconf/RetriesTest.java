package org.prefixd.netconf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Retries on a virtual clock: an hour of a failing `ip` in microseconds. */
class RetriesTest {
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

    private static Change change(String target) {
        return new Change(target, now -> Optional.of(List.of("ip", "-6", "route", "replace", target)), false);
    }

    @Test
    void waitsOneSecondThenTwiceAsLongEachTimeUpToAMinute() {
        Retries retries = new Retries();
        Change c = change("route 2001:db8:100::/56");
        Instant now = T0;
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            waits.add(retries.failed(c, now).getSeconds());
            now = retries.nextDue().orElseThrow();
            assertEquals(List.of(c), retries.due(now).stream().map(Retries.Pending::change).toList());
        }
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L), waits);
        retries.done(c);
        assertEquals(Optional.empty(), retries.nextDue());
    }

    @Test
    void aNewerChangeToTheSameTargetReplacesTheRetryAndStartsAfresh() {
        Retries retries = new Retries();
        Change set = change("address lan0 2001:db8:100::1/64");
        retries.failed(set, T0);
        retries.failed(set, T0.plusSeconds(1));
        Change remove = new Change("address lan0 2001:db8:100::1/64", now -> Optional.of(List.of("ip", "-6", "addr", "del")), true);
        retries.supersede(remove.target());
        assertEquals(Duration.ofSeconds(1), retries.failed(remove, T0.plusSeconds(2)), "the count starts again");
        retries.done(set); // a late success of the replaced change changes nothing
        assertEquals(1, retries.waiting());
        assertEquals(remove, retries.due(T0.plusSeconds(3)).get(0).change());
    }

    @Test
    void keepsEachTargetsRetryApartAndGivesOnlyTheDueOnes() {
        Retries retries = new Retries();
        Change a = change("route 2001:db8:100::/56"), b = change("route 2001:db8:200::/56");
        retries.failed(a, T0);
        retries.failed(a, T0.plusSeconds(1)); // due at +3
        retries.failed(b, T0.plusSeconds(1)); // due at +2
        assertEquals(List.of(b), retries.due(T0.plusSeconds(2)).stream().map(Retries.Pending::change).toList());
        assertTrue(retries.due(T0.plusMillis(1500)).isEmpty());
        assertEquals(T0.plusSeconds(2), retries.nextDue().orElseThrow());
    }
}
