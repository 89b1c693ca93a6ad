package org.prefixd.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.prefixd.api.InterfaceName;
import org.prefixd.api.ReceivedOption;
import org.prefixd.api.WanLease4;

class Ipv4StylesTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final InterfaceName WAN = InterfaceName.of("wan0");

    private static Inet4Address ip(String text) throws Exception {
        return (Inet4Address) InetAddress.getByName(text);
    }

    private static WanLease4 lease(String address) throws Exception {
        return new WanLease4(WAN, ip("192.0.2.1"), ip(address), 24, List.of(ip("192.0.2.1")), List.of(ip("192.0.2.53"), ip("198.51.100.53")),
                NOW.plusSeconds(900), NOW.plusSeconds(1575), NOW.plusSeconds(1800), List.of(new ReceivedOption(43, "0a0b")));
    }

    private static Map<String, String> env(List<HookCall> calls) {
        assertEquals(1, calls.size(), calls.toString());
        assertEquals(List.of(), calls.get(0).dropped());
        return calls.get(0).environment();
    }

    @Test
    void odhcp6cStyleUsesUdhcpcsNamesAsOpenWrtPairsThem() throws Exception {
        List<HookCall> calls = HookStyle.ODHCP6C.calls(new Hook4Event(Hook4Event.Kind.BOUND, WAN, lease("192.0.2.100"), Optional.empty(), NOW));
        assertEquals(List.of("wan0", "bound"), calls.get(0).arguments());
        Map<String, String> env = env(calls);
        assertEquals("192.0.2.100", env.get("ip"));
        assertEquals("255.255.255.0", env.get("subnet"));
        assertEquals("24", env.get("mask"));
        assertEquals("192.0.2.1", env.get("router"));
        assertEquals("192.0.2.53 198.51.100.53", env.get("dns"));
        assertEquals("1800", env.get("lease"));
        assertEquals("192.0.2.1", env.get("serverid"));
        assertEquals("0a0b", env.get("opt43"));
        List<HookCall> gone = HookStyle.ODHCP6C.calls(new Hook4Event(Hook4Event.Kind.RELEASED, WAN, lease("192.0.2.100"), Optional.empty(), NOW));
        assertEquals(List.of("wan0", "deconfig"), gone.get(0).arguments());
        assertFalse(env(gone).containsKey("ip"), "deconfig: nothing to configure");
    }

    @Test
    void dhclientStyleUsesDhclientScriptsNamesWithOldAndNew() throws Exception {
        Map<String, String> env = env(HookStyle.DHCLIENT.calls(new Hook4Event(Hook4Event.Kind.BOUND, WAN, lease("192.0.2.101"),
                Optional.of(lease("192.0.2.100")), NOW)));
        assertEquals("BOUND", env.get("reason"));
        assertEquals("wan0", env.get("interface"));
        assertEquals("192.0.2.101", env.get("new_ip_address"));
        assertEquals("192.0.2.100", env.get("old_ip_address"));
        assertEquals("255.255.255.0", env.get("new_subnet_mask"));
        assertEquals("192.0.2.0", env.get("new_network_number"));
        assertEquals("192.0.2.1", env.get("new_routers"));
        assertEquals("192.0.2.53 198.51.100.53", env.get("new_domain_name_servers"));
        assertEquals("1800", env.get("new_dhcp_lease_time"));
        assertEquals("900", env.get("new_dhcp_renewal_time"));
        assertEquals("192.0.2.1", env.get("new_dhcp_server_identifier"));
        assertEquals("0a0b", env.get("new_unknown_43"));
        Map<String, String> expired = env(HookStyle.DHCLIENT.calls(new Hook4Event(Hook4Event.Kind.EXPIRED, WAN, lease("192.0.2.101"), Optional.empty(), NOW)));
        assertEquals("EXPIRE", expired.get("reason"));
        assertEquals("192.0.2.101", expired.get("old_ip_address"));
        assertFalse(expired.containsKey("new_ip_address"));
        assertEquals("REBOOT", env(HookStyle.DHCLIENT.calls(new Hook4Event(Hook4Event.Kind.RESUMED, WAN, lease("192.0.2.101"), Optional.empty(), NOW))).get("reason"));
    }

    @Test
    void prefixdStyleNamesTheEventIpv4AndSaysWhatWasRemoved() throws Exception {
        List<HookCall> calls = HookStyle.PREFIXD.calls(new Hook4Event(Hook4Event.Kind.BOUND, WAN, lease("192.0.2.101"), Optional.of(lease("192.0.2.100")), NOW));
        assertEquals(List.of("wan0", "ipv4.bound"), calls.get(0).arguments());
        Map<String, String> env = env(calls);
        assertEquals("ipv4.bound", env.get("PREFIXD_EVENT"));
        assertEquals("192.0.2.101/24", env.get("PREFIXD_IPV4_ADDRESS"));
        assertEquals("192.0.2.100/24", env.get("PREFIXD_IPV4_REMOVED"));
        assertEquals("192.0.2.53 198.51.100.53", env.get("PREFIXD_IPV4_DNS"));
        assertEquals("1800", env.get("PREFIXD_IPV4_VALID"));
        assertEquals("0a0b", env.get("PREFIXD_OPTION_43"));
        Map<String, String> released = env(HookStyle.PREFIXD.calls(new Hook4Event(Hook4Event.Kind.RELEASED, WAN, lease("192.0.2.101"), Optional.empty(), NOW)));
        assertEquals("", released.get("PREFIXD_IPV4_ADDRESS"));
        assertEquals("192.0.2.101/24", released.get("PREFIXD_IPV4_REMOVED"));
    }

    @Test
    void ipv4EventsRunOnlyHooksThatNameThemAndNeverAWideStyleHook() throws Exception {
        Hook all = Hook.of("p", "/x.sh", "prefixd", List.of(), List.of(), 5);
        assertFalse(all.runsFor(new Hook4Event(Hook4Event.Kind.BOUND, WAN, lease("192.0.2.100"), Optional.empty(), NOW)),
                "a hook with no events named is a DHCPv6 script: no IPv4 runs");
        Hook v4 = Hook.of("p", "/x.sh", "dhclient", List.of("ipv4"), List.of(), 5);
        assertTrue(v4.runsFor(new Hook4Event(Hook4Event.Kind.DECLINED, WAN, lease("192.0.2.100"), Optional.empty(), NOW)));
        assertFalse(v4.runsFor(Leases.event(HookEvent.Kind.BOUND, Leases.lease(), null)), "only IPv4 named: no DHCPv6 runs");
        Hook one = Hook.of("p", "/x.sh", "odhcp6c", List.of("bound", "ipv4.renewed"), List.of(), 5);
        assertTrue(one.runsFor(new Hook4Event(Hook4Event.Kind.RENEWED, WAN, lease("192.0.2.100"), Optional.empty(), NOW)));
        assertFalse(one.runsFor(new Hook4Event(Hook4Event.Kind.BOUND, WAN, lease("192.0.2.100"), Optional.empty(), NOW)));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Hook.of("p", "/x.sh", "wide", List.of("ipv4"), List.of(), 5))
                .getMessage().contains("wide style has no IPv4 names"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Hook.of("p", "/x.sh", "prefixd", List.of("ipv4.nak"), List.of(), 5))
                .getMessage().startsWith("events: ipv4.nak is not one of"));
    }
}
