package org.prefixd.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prefixd.hooks.Leases.event;
import static org.prefixd.hooks.Leases.lease;
import static org.prefixd.hooks.Leases.prefix;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.prefixd.api.DelegatedPrefix;
import org.prefixd.api.Prefix;
import org.prefixd.api.WanLease;

class StylesTest {
    private static HookCall only(List<HookCall> calls) {
        assertEquals(1, calls.size(), calls.toString());
        return calls.get(0);
    }

    @Test
    void odhcp6cBoundHasArgumentsAndTheReleasedOpenWrtFormats() {
        HookCall call = only(HookStyle.ODHCP6C.calls(event(HookEvent.Kind.BOUND, lease(List.of(prefix("2001:db8:100::", 56, 1), prefix("2001:db8:200::", 60, 2))), null)));
        assertEquals(List.of("wan0", "bound"), call.arguments());
        Map<String, String> env = call.environment();
        assertEquals("2001:db8:ffff::100/128,1800,3600", env.get("ADDRESSES"));
        assertEquals("2001:db8:100::/56,1800,3600 2001:db8:200::/60,1800,3600,class=00000002", env.get("PREFIXES"));
        assertEquals("2001:db8:ffff::53 2001:db8:ffff::54", env.get("RDNSS"));
        assertEquals("example.net isp.example", env.get("DOMAINS"));
        assertEquals("2001:db8:ffff::123", env.get("NTP_IP"));
        assertEquals("ntp.example.net", env.get("NTP_FQDN"));
        assertEquals("aftr.example.net", env.get("AFTR"));
        assertEquals("", env.get("SIP_IP"));
        assertEquals(Environment.PATH, env.get("PATH"));
    }

    @Test
    void anExcludedPrefixIsShownInOdhcp6csFormAndInPrefixds() {
        DelegatedPrefix excluding = new DelegatedPrefix(Leases.WAN, 2, new Prefix(Leases.ip("2001:db8:200::"), 56), Leases.NOW.plusSeconds(1800),
                Leases.NOW.plusSeconds(3600), Optional.of(new Prefix(Leases.ip("2001:db8:200:1::"), 64)));
        WanLease lease = lease(List.of(excluding));
        assertEquals("2001:db8:200::/56,1800,3600,class=00000002,excluded=2001:db8:200:1::/64",
                only(HookStyle.ODHCP6C.calls(event(HookEvent.Kind.BOUND, lease, null))).environment().get("PREFIXES"), "after class=, as script.c");
        assertEquals("2001:db8:200::/56,1800,3600,2,excluded=2001:db8:200:1::/64",
                only(HookStyle.PREFIXD.calls(event(HookEvent.Kind.BOUND, lease, null))).environment().get("PREFIXD_PREFIXES"));
        assertEquals("2001:db8:200::/56", only(HookStyle.PREFIXD.calls(event(HookEvent.Kind.BOUND, lease, null))).environment().get("PREFIXD_PREFIXES_ADDED"),
                "the prefix's name only");
    }

    @Test
    void receivedOptionsAreHexInEachStylesConvention() {
        WanLease l = lease();
        WanLease lease = new WanLease(l.link(), l.server(), l.addresses(), l.prefixes(), l.dnsServers(), l.domains(), l.ntpServers(), l.ntpNames(),
                l.sntpServers(), l.sipServers(), l.sipDomains(), l.aftr(),
                List.of(new org.prefixd.api.ReceivedOption(65001, "dead"), new org.prefixd.api.ReceivedOption(65001, "beef")));
        HookEvent bound = event(HookEvent.Kind.BOUND, lease, null);
        assertEquals("beef", only(HookStyle.ODHCP6C.calls(bound)).environment().get("OPTION_65001"), "odhcp6c keeps the last");
        assertEquals("dead beef", only(HookStyle.PREFIXD.calls(bound)).environment().get("PREFIXD_OPTION_65001"));
        assertEquals("dead beef", only(HookStyle.WIDE.calls(bound)).environment().get("raw_dhcp_option_65001"));
        assertEquals("dead beef", HookStyle.DHCLIENT.calls(bound).get(0).environment().get("new_dhcp6_unknown_65001"));
        assertFalse(only(HookStyle.PREFIXD.calls(event(HookEvent.Kind.EXPIRED, lease, lease))).environment().containsKey("PREFIXD_OPTION_65001"));
    }

    @Test
    void odhcp6cStatesAndNoLeaseVariablesOnceUnbound() {
        assertEquals("updated", only(HookStyle.ODHCP6C.calls(event(HookEvent.Kind.RENEWED, lease(), lease()))).arguments().get(1));
        assertEquals("rebound", only(HookStyle.ODHCP6C.calls(event(HookEvent.Kind.REBOUND, lease(), lease()))).arguments().get(1));
        HookCall unbound = only(HookStyle.ODHCP6C.calls(event(HookEvent.Kind.EXPIRED, lease(), lease())));
        assertEquals("unbound", unbound.arguments().get(1));
        assertFalse(unbound.environment().containsKey("ADDRESSES"));
        assertFalse(unbound.environment().containsKey("PREFIXES"));
    }

    @Test
    void wideHasReasonTrailingSpacesDotsAndPdinfo() {
        HookCall call = only(HookStyle.WIDE.calls(event(HookEvent.Kind.BOUND, lease(), null)));
        assertEquals(List.of(), call.arguments());
        Map<String, String> env = call.environment();
        assertEquals("REQUEST", env.get("REASON"));
        assertEquals("2001:db8:ffff::53 2001:db8:ffff::54 ", env.get("new_domain_name_servers"));
        assertEquals("example.net. isp.example. ", env.get("new_domain_name"));
        assertEquals("2001:db8:100::/56 ", env.get("PDINFO"));
        assertFalse(env.containsKey("new_sip_servers"), "only what the server sent");
        assertEquals("RENEW", only(HookStyle.WIDE.calls(event(HookEvent.Kind.RENEWED, lease(), lease()))).environment().get("REASON"));
        assertEquals("REBIND", only(HookStyle.WIDE.calls(event(HookEvent.Kind.REBOUND, lease(), lease()))).environment().get("REASON"));
        HookCall released = only(HookStyle.WIDE.calls(event(HookEvent.Kind.RELEASED, lease(), lease())));
        assertEquals("RELEASE", released.environment().get("REASON"));
        assertFalse(released.environment().containsKey("PDINFO"));
    }

    @Test
    void dhclientRunsOncePerAddressAndPrefixWithOldValuesOfTheSameOne() {
        List<HookCall> calls = HookStyle.DHCLIENT.calls(event(HookEvent.Kind.RENEWED, lease(), lease()));
        assertEquals(2, calls.size());
        Map<String, String> address = calls.get(0).environment();
        assertEquals("RENEW6", address.get("reason"));
        assertEquals("wan0", address.get("interface"));
        assertEquals("2001:db8:ffff::100", address.get("new_ip6_address"));
        assertEquals("128", address.get("new_ip6_prefixlen"));
        assertEquals("2001:db8:ffff::100", address.get("old_ip6_address"));
        assertEquals("1800", address.get("new_preferred_life"));
        assertEquals("3600", address.get("new_max_life"));
        assertEquals("2001:db8:ffff::53 2001:db8:ffff::54", address.get("new_dhcp6_name_servers"));
        assertEquals("example.net. isp.example.", address.get("new_dhcp6_domain_search"));
        assertEquals("00:01:00:01:2f:00:aa:00:02:00:00:00:00:01", address.get("new_dhcp6_server_id"));
        Map<String, String> prefix = calls.get(1).environment();
        assertEquals("2001:db8:100::/56", prefix.get("new_ip6_prefix"));
        assertEquals("00:00:00:01", prefix.get("new_iaid"));
    }

    @Test
    void dhclientPrefixChangeBindsTheNewOneAndUpdatedExpiresTheOldOne() {
        var before = lease(List.of(prefix("2001:db8:100::", 56, 1)));
        var after = lease(List.of(prefix("2001:db8:200::", 56, 1)));
        List<HookCall> renewed = HookStyle.DHCLIENT.calls(event(HookEvent.Kind.RENEWED, after, before));
        assertEquals("2001:db8:200::/56", renewed.get(1).environment().get("new_ip6_prefix"));
        assertFalse(renewed.get(1).environment().containsKey("old_ip6_prefix"), "another prefix is not the old value of this one");
        var onlyAddress = lease(List.of());
        List<HookCall> updated = HookStyle.DHCLIENT.calls(event(HookEvent.Kind.UPDATED, onlyAddress, after));
        HookCall expire = only(updated);
        assertEquals("EXPIRE6", expire.environment().get("reason"));
        assertEquals("2001:db8:200::/56", expire.environment().get("old_ip6_prefix"));
    }

    @Test
    void dhclientReleaseGivesOldValues() {
        List<HookCall> calls = HookStyle.DHCLIENT.calls(event(HookEvent.Kind.RELEASED, lease(), lease()));
        assertEquals(2, calls.size());
        assertEquals("RELEASE6", calls.get(0).environment().get("reason"));
        assertEquals("2001:db8:ffff::100", calls.get(0).environment().get("old_ip6_address"));
        assertFalse(calls.get(0).environment().containsKey("new_ip6_address"));
        assertTrue(calls.get(0).environment().containsKey("old_dhcp6_name_servers"));
    }

    @Test
    void prefixdStyleNamesAddedAndRemovedPrefixes() {
        var before = lease(List.of(prefix("2001:db8:100::", 56, 1)));
        var after = lease(List.of(prefix("2001:db8:200::", 56, 1)));
        HookCall call = only(HookStyle.PREFIXD.calls(event(HookEvent.Kind.RENEWED, after, before)));
        assertEquals(List.of("wan0", "renewed"), call.arguments());
        Map<String, String> env = call.environment();
        assertEquals("2001:db8:200::/56,1800,3600,1", env.get("PREFIXD_PREFIXES"));
        assertEquals("2001:db8:200::/56", env.get("PREFIXD_PREFIXES_ADDED"));
        assertEquals("2001:db8:100::/56", env.get("PREFIXD_PREFIXES_REMOVED"));
        assertEquals("2001:db8:ffff::100,1800,3600", env.get("PREFIXD_ADDRESSES"));
        HookCall expired = only(HookStyle.PREFIXD.calls(event(HookEvent.Kind.EXPIRED, after, after)));
        assertEquals("", expired.environment().get("PREFIXD_PREFIXES"));
        assertEquals("2001:db8:200::/56", expired.environment().get("PREFIXD_PREFIXES_REMOVED"));
    }

    @Test
    void infiniteLifetimesAre4294967295() {
        var forever = new org.prefixd.api.DelegatedPrefix(Leases.WAN, 1, new org.prefixd.api.Prefix(Leases.ip("2001:db8:100::"), 56),
                java.time.Instant.parse("9999-01-01T00:00:00Z"), java.time.Instant.parse("9999-01-01T00:00:00Z"));
        HookCall call = only(HookStyle.ODHCP6C.calls(event(HookEvent.Kind.BOUND, lease(List.of(forever)), null)));
        assertEquals("2001:db8:100::/56,4294967295,4294967295", call.environment().get("PREFIXES"));
    }

    @Test
    void anUnsafeValueIsLeftOutAndNamed() {
        HookCall call = new Environment().put("GOOD", "a b.c:d/64,1").put("BAD", "x$(reboot)").put("NEWLINE", "a\nb").call(List.of());
        assertEquals("a b.c:d/64,1", call.environment().get("GOOD"));
        assertFalse(call.environment().containsKey("BAD"));
        assertEquals(List.of("BAD", "NEWLINE"), call.dropped());
    }
}
