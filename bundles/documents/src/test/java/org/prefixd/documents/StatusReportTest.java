package org.prefixd.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.prefixd.api.InterfaceName;
import org.prefixd.api.LinkLocal;
import org.prefixd.api.LinkMode;
import org.prefixd.api.LinkStatus;
import org.prefixd.api.PppdSession;
import org.prefixd.api.SessionStatus;
import org.prefixd.api.WanLink;

class StatusReportTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private static final LinkStatus PPP_UP = new LinkStatus(InterfaceName.of("ppp0"), LinkMode.PPPD, LinkStatus.State.UP,
            NOW.minusSeconds(90), "usable", Optional.of(new WanLink(InterfaceName.of("ppp0"), 5, LinkLocal.parse("fe80::1"),
            Optional.of(LinkLocal.parse("fe80::2")), LinkMode.PPPD,
            Optional.of(new PppdSession(4242, Optional.of("/dev/ttyS0"), 115200, Optional.empty())))));
    private static final LinkStatus ETH_DOWN = new LinkStatus(InterfaceName.of("eth1"), LinkMode.ETHERNET, LinkStatus.State.DOWN,
            NOW.minusSeconds(3600 * 5), "no carrier", Optional.empty());

    @Test
    void printsEveryLinkAsJsonSortedByName() {
        JsonObject json = new StatusReport(List.of(PPP_UP, ETH_DOWN), List.of(), NOW).toJson();
        assertEquals(2, json.getJsonArray("links").size());
        JsonObject eth = json.getJsonArray("links").getJsonObject(0);
        assertEquals("eth1", eth.getString("interface"));
        assertEquals("DOWN", eth.getString("state"));
        assertEquals("no carrier", eth.getString("reason"));
        JsonObject ppp = json.getJsonArray("links").getJsonObject(1);
        assertEquals("fe80::2", ppp.getString("peer"));
        assertEquals(5, ppp.getInt("ifindex"));
        assertEquals(4242, ppp.getJsonObject("pppd").getInt("pid"));
        assertEquals("/dev/ttyS0", ppp.getJsonObject("pppd").getString("tty"));
    }

    @Test
    void printsTextForPeople() {
        String text = new StatusReport(List.of(PPP_UP, ETH_DOWN), List.of(), NOW).toText();
        assertTrue(text.contains("ppp0") && text.contains("up") && text.contains("90 s ago"), text);
        assertTrue(text.contains("peer fe80::2, pppd pid 4242 on /dev/ttyS0"), text);
        assertTrue(text.contains("5 h ago"), text);
    }

    @Test
    void saysHowToAddALinkWhenNoneIsConfigured() {
        assertTrue(new StatusReport(List.of(), List.of(), NOW).toText().contains("prefixd.link-<name>.cfg"));
    }

    @Test
    void showsEachSessionWithRemainingLifetimesAndTheNextEvent() {
        SessionStatus session = new SessionStatus(InterfaceName.of("ppp0"), "BOUND", Optional.of("0002000009bf0102030405"),
                List.of(new SessionStatus.Leased("2001:db8::100", NOW.plusSeconds(20), NOW.plusSeconds(40))),
                List.of(new SessionStatus.Leased("2001:db8:100::/56", NOW.plusSeconds(3600 * 3), NOW.plusSeconds(3600 * 5))),
                Optional.of(NOW.plusSeconds(10)));
        StatusReport report = new StatusReport(List.of(PPP_UP), List.of(session), NOW);
        JsonObject json = report.toJson().getJsonArray("sessions").getJsonObject(0);
        assertEquals("BOUND", json.getString("state"));
        assertEquals(40, json.getJsonArray("addresses").getJsonObject(0).getInt("validLeft"));
        assertEquals("2001:db8:100::/56", json.getJsonArray("prefixes").getJsonObject(0).getString("prefix"));
        String text = report.toText();
        assertTrue(text.contains("dhcp6 ppp0      bound      server 0002000009bf0102030405"), text);
        assertTrue(text.contains("prefix  2001:db8:100::/56  preferred 3 h, valid 5 h"), text);
        assertTrue(text.contains("next event in 10 s"), text);
    }

    @Test
    void showsTheIpv4LeaseOfDhcpv4OverDhcpv6() throws Exception {
        java.net.Inet4Address server = (java.net.Inet4Address) java.net.InetAddress.getByName("192.0.2.1");
        org.prefixd.api.WanLease4 lease = new org.prefixd.api.WanLease4(InterfaceName.of("ppp0"), server,
                (java.net.Inet4Address) java.net.InetAddress.getByName("192.0.2.100"), 24, List.of(server), List.of(),
                NOW.plusSeconds(900), NOW.plusSeconds(1575), NOW.plusSeconds(1800), List.of(new org.prefixd.api.ReceivedOption(43, "0102")));
        SessionStatus session = new SessionStatus(InterfaceName.of("ppp0"), "BOUND", Optional.empty(), List.of(), List.of(), Optional.empty(),
                List.of(), Optional.of(new SessionStatus.Ipv4("BOUND", Optional.of(lease), Optional.of(NOW.plusSeconds(900)))));
        StatusReport report = new StatusReport(List.of(PPP_UP), List.of(session), NOW);
        JsonObject v4 = report.toJson().getJsonArray("sessions").getJsonObject(0).getJsonObject("ipv4");
        assertEquals("BOUND", v4.getString("state"));
        assertEquals("192.0.2.100/24", v4.getJsonObject("lease").getString("address"));
        assertEquals(1800, v4.getJsonObject("lease").getInt("validLeft"));
        assertEquals("0102", v4.getJsonObject("lease").getJsonArray("options").getJsonObject(0).getString("hex"));
        String text = report.toText();
        assertTrue(text.contains("dhcp4o6 ppp0    bound\n     address 192.0.2.100/24  valid 30 min, server 192.0.2.1, router 192.0.2.1"), text);
        assertTrue(!new StatusReport(List.of(PPP_UP), List.of(new SessionStatus(InterfaceName.of("ppp0"), "BOUND", Optional.empty(), List.of(),
                List.of(), Optional.empty())), NOW).toJson().toString().contains("ipv4"), "no IPv4 client, no ipv4 member");
    }
}
