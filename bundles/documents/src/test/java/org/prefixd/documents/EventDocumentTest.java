package org.prefixd.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.StringReader;
import java.net.Inet6Address;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.prefixd.api.DelegatedPrefix;
import org.prefixd.api.InterfaceName;
import org.prefixd.api.Ipv6Text;
import org.prefixd.api.Prefix;
import org.prefixd.api.Topics;
import org.prefixd.api.WanLease;

class EventDocumentTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final InterfaceName WAN = InterfaceName.of("wan0");

    private static JsonObject parse(String s) {
        return EventDocument.PROVIDER.createReader(new StringReader(s)).readObject();
    }

    @Test
    void aLeaseEventCarriesTheLeaseAndOnlyKnownProperties() {
        Inet6Address dns = Ipv6Text.parse("2001:db8::53");
        WanLease lease = new WanLease(WAN, "0001", List.of(), List.of(new DelegatedPrefix(WAN, 2, new Prefix(Ipv6Text.parse("2001:db8:100::"), 56),
                NOW.plusSeconds(10), NOW.plusSeconds(20))), List.of(dns), List.of("example.net"), List.of(), List.of(), List.of(), List.of(), List.of(),
                Optional.empty());
        String text = EventDocument.event(7, NOW, "prefixd/lease/BOUND", Map.of(Topics.PROP_INTERFACE, "wan0", Topics.PROP_REASON, "bound",
                Topics.PROP_LEASE, lease, "event.topics", "x", "other", new Object()));
        assertFalse(text.contains("\n"), "one line: one data line of the stream");
        JsonObject o = parse(text);
        assertEquals(7, o.getInt("id"));
        assertEquals("wan0", o.getString("link"));
        assertEquals("bound", o.getString("reason"));
        assertEquals("2001:db8:100::/56", o.getJsonObject("lease").getJsonArray("prefixes").getJsonObject(0).getString("prefix"));
        assertEquals("2026-11-25T12:00:20Z", o.getJsonObject("lease").getJsonArray("prefixes").getJsonObject(0).getString("validUntil"));
        assertEquals("2001:db8::53", o.getJsonObject("lease").getJsonArray("dns").getString(0));
        assertFalse(o.containsKey("other"));
        assertFalse(o.containsKey("event.topics"));
    }

    @Test
    void aLeaseCarriesItsExclusionAndTheOwnersOptionsAsHex() {
        WanLease lease = new WanLease(WAN, "0001", List.of(), List.of(new DelegatedPrefix(WAN, 2, new Prefix(Ipv6Text.parse("2001:db8:100::"), 56),
                NOW.plusSeconds(10), NOW.plusSeconds(20), Optional.of(new Prefix(Ipv6Text.parse("2001:db8:100:1::"), 64)))), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), Optional.empty(), List.of(new org.prefixd.api.ReceivedOption(65001, "deadbeef")));
        JsonObject o = EventDocument.lease(lease);
        assertEquals("2001:db8:100:1::/64", o.getJsonArray("prefixes").getJsonObject(0).getString("excluded"));
        assertEquals(65001, o.getJsonArray("options").getJsonObject(0).getInt("code"));
        assertEquals("deadbeef", o.getJsonArray("options").getJsonObject(0).getString("hex"));
    }

    @Test
    void anIpv4LeaseEventCarriesTheLease() throws Exception {
        java.net.Inet4Address server = (java.net.Inet4Address) java.net.InetAddress.getByName("192.0.2.1");
        org.prefixd.api.WanLease4 lease = new org.prefixd.api.WanLease4(WAN, server, (java.net.Inet4Address) java.net.InetAddress.getByName("192.0.2.100"),
                24, List.of(server), List.of(server), NOW.plusSeconds(900), NOW.plusSeconds(1575), NOW.plusSeconds(1800), List.of());
        JsonObject o = parse(EventDocument.event(8, NOW, "prefixd/lease4/BOUND", Map.of(Topics.PROP_INTERFACE, "wan0", Topics.PROP_REASON, "bound",
                Topics.PROP_LEASE4, lease)));
        assertEquals("prefixd/lease4/BOUND", o.getString("topic"));
        assertEquals("192.0.2.100/24", o.getJsonObject("lease4").getString("address"));
        assertEquals("192.0.2.1", o.getJsonObject("lease4").getJsonArray("routers").getString(0));
        assertEquals("2026-11-25T12:30:00Z", o.getJsonObject("lease4").getString("validUntil"));
        assertFalse(o.containsKey("lease"));
    }

    @Test
    void hookEventsCarryScriptAndExit() {
        JsonObject o = parse(EventDocument.event(1, NOW, Topics.HOOK_FAILED, Map.of(Topics.PROP_INTERFACE, "wan0", Topics.PROP_SCRIPT, "/etc/h.sh",
                Topics.PROP_EXIT, 3, Topics.PROP_MILLIS, 12L, Topics.PROP_REASON, "renewed")));
        assertEquals("/etc/h.sh", o.getString("script"));
        assertEquals(3, o.getInt("exit"));
        assertEquals(12, o.getInt("millis"));
    }
}
