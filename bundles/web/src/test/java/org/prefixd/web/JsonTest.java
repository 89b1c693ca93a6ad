package org.prefixd.web;

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

class JsonTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final InterfaceName WAN = InterfaceName.of("wan0");

    private static JsonObject parse(String s) {
        return Json.PROVIDER.createReader(new StringReader(s)).readObject();
    }

    @Test
    void theSnapshotFiltersByLink() {
        WanLease w0 = new WanLease(WAN, "0001", List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), Optional.empty());
        WanLease w1 = new WanLease(InterfaceName.of("wan1"), "0002", List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), Optional.empty());
        JsonObject all = parse(Json.state(NOW, Optional.empty(), List.of(), List.of(), List.of(w0, w1), List.of(), Optional.empty(), List.of("{\"id\":4}"), 5, 1));
        assertEquals(2, all.getJsonArray("leases").size());
        JsonObject one = parse(Json.state(NOW, Optional.of("wan1"), List.of(), List.of(), List.of(w0, w1), List.of(), Optional.empty(), List.of("{\"id\":4}"), 5, 1));
        assertEquals(1, one.getJsonArray("leases").size());
        assertEquals("wan1", one.getJsonArray("leases").getJsonObject(0).getString("link"));
        assertEquals(5, one.getInt("lastEventId"));
        assertEquals(4, one.getJsonArray("events").getJsonObject(0).getInt("id"), "the last events come with the snapshot");
    }

    @Test
    void theSnapshotListsTheLanClientsHostsByAddressRoutersByPrefix() {
        var host = new org.prefixd.api.LanClient(InterfaceName.of("lan0"), Optional.of("52:54:00:12:ab:cd"), "0001", 1,
                List.of(org.prefixd.api.Ipv6Text.parse("2001:db8:100::5254:12:abcd")), NOW.plusSeconds(60), "by-mac");
        var router = new org.prefixd.api.LanClient(InterfaceName.of("lan1"), Optional.empty(), "0003", 1, List.of(),
                List.of(org.prefixd.api.Prefix.parse("2001:db8:100:10::/60")), NOW.plusSeconds(60), "delegated");
        JsonObject state = parse(Json.state(NOW, Optional.empty(), List.of(), List.of(), List.of(), List.of(), List.of(router, host), Optional.empty(), List.of(), 0, 0));
        var clients = state.getJsonArray("lanClients");
        assertEquals("52:54:00:12:ab:cd", clients.getJsonObject(0).getString("mac"));
        assertEquals("2001:db8:100::5254:12:abcd", clients.getJsonObject(0).getJsonArray("addresses").getString(0));
        assertEquals("2001:db8:100:10::/60", clients.getJsonObject(1).getJsonArray("prefixes").getString(0));
        assertEquals("delegated", clients.getJsonObject(1).getString("how"));
    }

    /** What the page's lease table reads: a session's prefixes with their excluded prefix (RFC 6603) and its IPv4 lease (RFC 7341). */
    @Test
    void aSessionCarriesItsExcludedPrefixAndItsIpv4Lease() throws Exception {
        var v4 = new org.prefixd.api.WanLease4(WAN, (java.net.Inet4Address) java.net.InetAddress.getByName("192.0.2.1"),
                (java.net.Inet4Address) java.net.InetAddress.getByName("192.0.2.100"), 24, List.of(), List.of(), NOW.plusSeconds(1000),
                NOW.plusSeconds(2000), NOW.plusSeconds(4000), List.of(new org.prefixd.api.ReceivedOption(224, "deadbeef")));
        var session = new org.prefixd.api.SessionStatus(WAN, "BOUND", Optional.empty(), List.of(),
                List.of(new org.prefixd.api.SessionStatus.Leased("2001:db8:100::/56", NOW.plusSeconds(60), NOW.plusSeconds(120), Optional.of("2001:db8:100:1::/64"))),
                Optional.empty(), List.of(), Optional.of(new org.prefixd.api.SessionStatus.Ipv4("BOUND", Optional.of(v4), Optional.of(NOW.plusSeconds(1000)))));
        JsonObject s = parse(Json.state(NOW, Optional.empty(), List.of(), List.of(session), List.of(), List.of(), Optional.empty(), List.of(), 0, 0))
                .getJsonArray("sessions").getJsonObject(0);
        assertEquals("2001:db8:100:1::/64", s.getJsonArray("prefixes").getJsonObject(0).getString("excluded"));
        JsonObject ipv4 = s.getJsonObject("ipv4");
        assertEquals("BOUND", ipv4.getString("state"));
        assertEquals("192.0.2.100/24", ipv4.getJsonObject("lease").getString("address"));
        assertEquals(NOW.plusSeconds(4000).toString(), ipv4.getJsonObject("lease").getString("validUntil"));
        assertEquals("deadbeef", ipv4.getJsonObject("lease").getJsonArray("options").getJsonObject(0).getString("hex"));
        assertEquals(NOW.plusSeconds(1000).toString(), ipv4.getString("nextEvent"));
    }
}
