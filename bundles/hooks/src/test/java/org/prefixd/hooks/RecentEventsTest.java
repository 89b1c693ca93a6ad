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
    void anEventNamedByALeaseRegistrationCarriesTheLeaseBeforeItSoAReplayedRenewHasItsOldValues() {
        var before = Leases.lease();
        var renewed = Leases.lease(List.of(new org.prefixd.api.DelegatedPrefix(Leases.WAN, 1, before.prefixes().get(0).prefix(),
                Leases.NOW.plusSeconds(3600), Leases.NOW.plusSeconds(7200))));
        HookEvent replay = RecentEvents.named(renewed, "renewed", Leases.NOW, java.util.Optional.of(before), Leases.NOW.plusMillis(500)).orElseThrow();
        assertEquals(HookEvent.Kind.RENEWED, replay.kind());
        assertEquals(Leases.NOW, replay.now(), "its own time, for the lifetimes the hooks are given");
        var prefixRun = DhclientStyle.calls(replay).stream().filter(c -> c.environment().containsKey("new_ip6_prefix")).findFirst().orElseThrow();
        assertEquals("2001:db8:100::/56", prefixRun.environment().get("old_ip6_prefix"));
        assertEquals("3600", prefixRun.environment().get("old_max_life"));
        assertEquals("7200", prefixRun.environment().get("new_max_life"));
    }

    @Test
    void aNamedEventOlderThanTheWindowOrNotAHookEventIsNotReplayed() {
        var lease = Leases.lease();
        assertEquals(java.util.Optional.empty(), RecentEvents.named(lease, "renewed", Leases.NOW, java.util.Optional.empty(),
                Leases.NOW.plus(RecentEvents.WINDOW).plusMillis(1)));
        assertEquals(java.util.Optional.empty(), RecentEvents.named(lease, "withdrawn", Leases.NOW, java.util.Optional.empty(), Leases.NOW));
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
