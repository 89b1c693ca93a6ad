package org.prefixd.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.prefixd.api.InterfaceName;

class HookLanEventTest {
    private static final HookLanEvent BOUND = new HookLanEvent(HookLanEvent.Kind.BOUND, InterfaceName.of("lan0"), Optional.of("52:54:00:12:ab:cd"),
            "000100012a2b3c4d52540012abcd", List.of("2001:db8:100::5254:12:abcd"), Instant.parse("2026-12-07T10:00:00Z"));

    @Test
    void thePrefixdStyleNamesTheLanClient() {
        HookCall call = BOUND.call();
        assertEquals(List.of("lan0", "lan.bound"), call.arguments());
        assertEquals("52:54:00:12:ab:cd", call.environment().get("PREFIXD_LAN_MAC"));
        assertEquals("000100012a2b3c4d52540012abcd", call.environment().get("PREFIXD_LAN_DUID"));
        assertEquals("2001:db8:100::5254:12:abcd", call.environment().get("PREFIXD_LAN_ADDRESSES"));
        assertEquals(List.of(), call.dropped());
        assertEquals("", call.environment().get("PREFIXD_LAN_PREFIXES"));
    }

    @Test
    void aDownstreamRoutersDelegationNamesItsPrefixes() {
        HookLanEvent delegated = new HookLanEvent(HookLanEvent.Kind.BOUND, InterfaceName.of("lan0"), Optional.empty(), "00030001525400aa0001", List.of(),
                List.of(org.prefixd.api.Prefix.parse("2001:db8:100:10::/60"), org.prefixd.api.Prefix.parse("2001:db8:200:10::/60")), Instant.parse("2026-12-07T10:00:00Z"));
        HookCall call = delegated.call();
        assertEquals("2001:db8:100:10::/60 2001:db8:200:10::/60", call.environment().get("PREFIXD_LAN_PREFIXES"));
        assertEquals("", call.environment().get("PREFIXD_LAN_ADDRESSES"));
        HookLanEvent named = new HookLanEvent(HookLanEvent.Kind.BOUND, InterfaceName.of("lan0"), Optional.empty(), "0001", List.of(), List.of(),
                Optional.of("printer"), Instant.parse("2026-12-07T10:00:00Z"));
        assertEquals("printer", named.call().environment().get("PREFIXD_LAN_HOSTNAME"));
        assertThrows(IllegalArgumentException.class, () -> new HookLanEvent(HookLanEvent.Kind.BOUND, InterfaceName.of("lan0"), Optional.empty(), "0001", List.of(),
                List.of(), Optional.of("$(reboot)"), Instant.parse("2026-12-07T10:00:00Z")));
    }

    @Test
    void onlyHooksThatNameLanEventsRunAndOnlyInThePrefixdStyle() {
        assertFalse(Hook.of("p", "/x.sh", "prefixd", List.of(), List.of(), 5).runsFor(BOUND), "a DHCPv6 script: no LAN runs");
        assertTrue(Hook.of("p", "/x.sh", "prefixd", List.of("lan"), List.of(), 5).runsFor(BOUND));
        assertTrue(Hook.of("p", "/x.sh", "prefixd", List.of("lan.bound"), List.of("lan0"), 5).runsFor(BOUND));
        assertFalse(Hook.of("p", "/x.sh", "prefixd", List.of("lan.bound"), List.of("lan1"), 5).runsFor(BOUND));
        assertFalse(Hook.of("p", "/x.sh", "prefixd", List.of("lan.released"), List.of(), 5).runsFor(BOUND));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Hook.of("p", "/x.sh", "odhcp6c", List.of("lan"), List.of(), 5))
                .getMessage().contains("prefixd style only"));
    }
}
