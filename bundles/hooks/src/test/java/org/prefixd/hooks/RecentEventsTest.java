package org.prefixd.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class RecentEventsTest {
    private final RecentEvents recent = new RecentEvents();
    private final HookEvent resumed = Leases.event(HookEvent.Kind.RESUMED, Leases.lease(), null); // at Leases.NOW
    private final Hook soak = Hook.of("prefixd.hook~soak", "/hook.sh", "prefixd", List.of(), List.of(), 30);

    @Test
    void aHookThatAppearsJustAfterAnEventNoHookRanForRunsForItOnce() {
        recent.ran(resumed, List.of());
        assertEquals(List.of(resumed), recent.missedBy(soak, Leases.NOW.plusMillis(19)));
        assertEquals(List.of(), recent.missedBy(soak, Leases.NOW.plusMillis(40)), "once");
    }

    @Test
    void aHookWhoseIdAlreadyRanForItDoesNotRunAgain() {
        recent.ran(resumed, List.of(soak.id()));
        Hook sameConfigurationApplied = Hook.of("prefixd.hook~soak", "/hook.sh", "prefixd", List.of(), List.of(), 31);
        assertEquals(List.of(), recent.missedBy(sameConfigurationApplied, Leases.NOW.plusSeconds(1)));
    }

    @Test
    void anEventOlderThanTheWindowOrOneTheHookDoesNotWantIsNotCaughtUp() {
        recent.ran(resumed, List.of());
        assertEquals(List.of(), recent.missedBy(soak, Leases.NOW.plus(RecentEvents.WINDOW).plus(Duration.ofMillis(1))));
        Hook boundOnly = Hook.of("b", "/b.sh", "prefixd", List.of("bound"), List.of(), 30);
        assertEquals(List.of(), recent.missedBy(boundOnly, Leases.NOW.plusSeconds(1)));
        Hook otherLink = Hook.of("o", "/o.sh", "prefixd", List.of(), List.of("wan1"), 30);
        assertEquals(List.of(), recent.missedBy(otherLink, Leases.NOW.plusSeconds(1)));
    }

    @Test
    void onlyEachLinksNewestEventCounts() {
        recent.ran(resumed, List.of());
        HookEvent renewed = Leases.event(HookEvent.Kind.RENEWED, Leases.lease(), Leases.lease());
        recent.ran(renewed, List.of());
        assertEquals(List.of(renewed), recent.missedBy(soak, Leases.NOW.plusSeconds(1)));
    }
}
