package org.prefixd.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class HookTest {
    @Test
    void defaultsToEveryEventAndLink() {
        Hook h = Hook.of("p", "/etc/prefixd/hook.sh", "odhcp6c", List.of(), List.of(), 30);
        assertEquals(HookStyle.ODHCP6C, h.style());
        assertEquals(Duration.ofSeconds(30), h.timeout());
        assertTrue(h.runsFor(Leases.event(HookEvent.Kind.EXPIRED, Leases.lease(), null)));
    }

    @Test
    void eventsAndLinksNarrowIt() {
        Hook h = Hook.of("p", "/x.sh", "prefixd", List.of("bound", " Renewed "), List.of("wan1"), 5);
        assertFalse(h.runsFor(Leases.event(HookEvent.Kind.BOUND, Leases.lease(), null)), "wan0 is not wan1");
        Hook h0 = Hook.of("p", "/x.sh", "prefixd", List.of("bound"), List.of("wan0"), 5);
        assertTrue(h0.runsFor(Leases.event(HookEvent.Kind.BOUND, Leases.lease(), null)));
        assertFalse(h0.runsFor(Leases.event(HookEvent.Kind.RENEWED, Leases.lease(), null)));
    }

    @Test
    void badConfigurationsNameTheProperty() {
        assertEquals("script: missing", assertThrows(IllegalArgumentException.class, () -> Hook.of("p", "", "prefixd", List.of(), List.of(), 30)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Hook.of("p", "hook.sh", "prefixd", List.of(), List.of(), 30)).getMessage().contains("absolute"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Hook.of("p", "/h", "bash", List.of(), List.of(), 30)).getMessage().startsWith("style bash"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Hook.of("p", "/h", "wide", List.of("up"), List.of(), 30)).getMessage().startsWith("events: up"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Hook.of("p", "/h", "wide", List.of(), List.of("a/b"), 30)).getMessage().startsWith("links:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Hook.of("p", "/h", "wide", List.of(), List.of(), 0)).getMessage().startsWith("timeout:"));
    }
}
