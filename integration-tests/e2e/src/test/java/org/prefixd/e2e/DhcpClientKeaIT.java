package org.prefixd.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The DHCPv6 client against ISC Kea: ISP namespace (Kea on isp0) ↔ router namespace (prefixd on
 * wan0). What the router's kernel ends up with is checked with iproute2.
 */
class DhcpClientKeaIT {
    private static final Pattern TIME = Pattern.compile("(\\d{4}-\\d\\d-\\d\\dT\\S+Z) INFO  \\S+: (.*)$", Pattern.MULTILINE);

    private static Instant time(String log, String message) {
        Matcher m = TIME.matcher(log);
        while (m.find()) if (m.group(2).startsWith(message)) return Instant.parse(m.group(1));
        throw new AssertionError("no log line '" + message + "' in:\n" + log);
    }

    static Namespace[] lab() {
        Namespace isp = new Namespace("pfx-isp");
        Namespace router = new Namespace("pfx-rtr");
        Cmd.ok("ip", "-n", router.name, "link", "add", "wan0", "type", "veth", "peer", "name", "isp0", "netns", isp.name);
        isp.sysctl("net.ipv6.conf.isp0.accept_dad", "0");
        // The tests take isp0 down to cut the WAN; the server's address must survive that, as
        // an ISP's would (Linux drops IPv6 addresses on down by default; dhcpd and dnsmasq need it).
        isp.sysctl("net.ipv6.conf.isp0.keep_addr_on_down", "1");
        router.sysctl("net.ipv6.conf.wan0.accept_dad", "0");
        isp.ip("link", "set", "isp0", "up");
        router.ip("link", "set", "wan0", "up");
        isp.ip("addr", "add", "2001:db8:ffff::1/64", "dev", "isp0", "nodad");
        return new Namespace[] {isp, router};
    }

    private static void configure(Prefixd prefixd) throws Exception {
        prefixd.config("prefixd.link-wan.cfg", "interface = wan0\nmode = ethernet\ndebounce = 2\n");
        prefixd.config("prefixd.dhcp6-wan.cfg", "link = wan0\niana = 1\niapd = 2/56\nfirst.solicit.delay = false\n");
    }

    static boolean routed(Namespace router) {
        return router.ip("-6", "route", "show").contains("unreachable 2001:db8:100::/56");
    }

    static boolean addressed(Namespace router) {
        return router.ip("-6", "addr", "show", "dev", "wan0").contains("2001:db8:ffff::100/128");
    }

    @Test
    void bindsRenewsResumesAfterKill9WithoutASolicitAndWithdrawsWhenTheServerIsGone() throws Exception {
        Assumptions.assumeTrue(Cmd.isRoot(), "needs root: creates network namespaces");
        Namespace[] lab = lab();
        Namespace isp = lab[0], router = lab[1];
        try (isp; router) {
            java.nio.file.Path dir = Prefixd.newDirectory("kea");
            try (KeaServer kea = new KeaServer(isp, dir.resolve("kea"), 3, 5, 8, 12)) {
                java.nio.file.Path state;
                try (Prefixd first = new Prefixd(router, dir, "embedded")) {
                    configure(first);
                    Await.until("the delegated prefix routed unreachable and the address on wan0", Duration.ofSeconds(10),
                            () -> routed(router) && addressed(router));
                    Await.until("the lease logged (once the kernel, the services and the event have it)", Duration.ofSeconds(5),
                            () -> first.logText().contains("wan0: lease bound"));
                    String log = first.logText();
                    System.out.printf("Kea, rapid commit: WanLink up to lease bound %d ms; session start to lease bound %d ms%n",
                            Duration.between(time(log, "wan0 is up"), time(log, "wan0: lease bound")).toMillis(),
                            Duration.between(time(log, "wan0: DHCPv6 session started"), time(log, "wan0: lease bound")).toMillis());
                    var session = first.status().getJsonArray("sessions").getJsonObject(0);
                    assertTrue(session.getString("link").equals("wan0") && session.getString("server").equals("0002000009bf0102030405")
                            && session.getJsonArray("prefixes").getJsonObject(0).getString("prefix").equals("2001:db8:100::/56")
                            && session.getJsonArray("addresses").getJsonObject(0).getString("address").equals("2001:db8:ffff::100"),
                            "prefixd status --json shows the session: " + session);
                    assertTrue(first.cli("status").out().contains("prefix  2001:db8:100::/56"), first.cli("status").out());
                    Await.until("a renewal at T1", Duration.ofSeconds(10), () -> first.logText().contains("wan0: lease renewed"));
                    state = first.state;
                    Cmd.ok("kill", "-9", Long.toString(first.pid()));
                }
                assertTrue(Files.exists(state.resolve("lease-wan0.json")), "the lease file survives the kill");
                try (Prefixd second = new Prefixd(router, dir, "embedded")) {
                    Await.until("the lease resumed", Duration.ofSeconds(10), () -> second.logText().contains("wan0: lease resumed"));
                    assertFalse(second.logText().contains("wan0: soliciting"), "a restart with a valid lease sent a Solicit:\n" + second.logText());
                    Await.until("a renewal after the restart", Duration.ofSeconds(10), () -> second.logText().contains("wan0: lease renewed"));
                    kea.close();
                    Await.until("the lease expired at its valid lifetime", Duration.ofSeconds(20), () -> second.logText().contains("wan0: lease expired"));
                    Await.until("the route and the address withdrawn", Duration.ofSeconds(3), () -> !routed(router) && !addressed(router));
                    assertTrue(second.logText().contains("wan0: soliciting (lease expired)"), second.logTail());
                }
            }
        }
    }

    @Test
    void rebindsWhenTheLinkReturnsWithinTheGraceAndDropsTheLeaseWhenItStaysGone() throws Exception {
        Assumptions.assumeTrue(Cmd.isRoot(), "needs root: creates network namespaces");
        Namespace[] lab = lab();
        Namespace isp = lab[0], router = lab[1];
        try (isp; router) {
            java.nio.file.Path dir = Prefixd.newDirectory("keaflap");
            try (KeaServer kea = new KeaServer(isp, dir.resolve("kea"), 30, 50, 80, 120); Prefixd prefixd = new Prefixd(router, dir, "embedded")) {
                prefixd.config("prefixd.link-wan.cfg", "interface = wan0\nmode = ethernet\ndebounce = 0.5\n");
                prefixd.config("prefixd.dhcp6-wan.cfg", "link = wan0\niana = 1\niapd = 2/56\nfirst.solicit.delay = false\nlink.lost.grace = 4\n");
                Await.until("bound", Duration.ofSeconds(10), () -> routed(router));

                isp.ip("link", "set", "isp0", "down");
                Await.until("the session paused", Duration.ofSeconds(3), () -> prefixd.logText().contains("wan0: DHCPv6 session paused"));
                assertTrue(routed(router), "the prefix stays routed inside the grace period");
                isp.ip("link", "set", "isp0", "up");
                // REB_TIMEOUT is 10 s: a first Rebind lost while the ISP side is still coming up costs one timeout.
                Await.until("a Rebind answered after the link returned", Duration.ofSeconds(25), () -> prefixd.logText().contains("wan0: lease rebound"));
                assertFalse(prefixd.logText().split("wan0: soliciting").length > 2, "the link's return cost a Solicit");

                isp.ip("link", "set", "isp0", "down");
                Await.until("the lease dropped after the grace", Duration.ofSeconds(10), () -> prefixd.logText().contains("wan0: link gone longer than the grace period"));
                Await.until("route and address withdrawn", Duration.ofSeconds(3), () -> !routed(router) && !addressed(router));
                isp.ip("link", "set", "isp0", "up");
                Await.until("a new lease after a Solicit", Duration.ofSeconds(15), () -> prefixd.logText().split("wan0: lease bound").length > 2);
                assertTrue(prefixd.logText().split("wan0: soliciting").length > 2, "solicited when the link came back");
            }
        }
    }

    @Test
    void setsItsAddressAgainAfterAFlapOfWan0ShorterThanTheDebounceWithoutAskingTheServer() throws Exception {
        Assumptions.assumeTrue(Cmd.isRoot(), "needs root: creates network namespaces");
        Namespace[] lab = lab();
        Namespace isp = lab[0], router = lab[1];
        try (isp; router) {
            java.nio.file.Path dir = Prefixd.newDirectory("keashortflap");
            try (KeaServer kea = new KeaServer(isp, dir.resolve("kea"), 60, 90, 120, 180); Prefixd prefixd = new Prefixd(router, dir, "embedded")) {
                configure(prefixd); // debounce 2 s
                Await.until("bound", Duration.ofSeconds(10), () -> routed(router) && addressed(router));
                router.ip("link", "set", "wan0", "down");
                Await.until("the kernel drops wan0's addresses with the interface down", Duration.ofSeconds(3), () -> !addressed(router));
                router.ip("link", "set", "wan0", "up");
                // T1 is a minute away: before the fix the address stayed gone until then.
                Await.until("the address on wan0 again", Duration.ofSeconds(5), () -> addressed(router));
                Await.until("the link watcher's line", Duration.ofSeconds(3), () -> prefixd.logText().contains("wan0 is back within the debounce"));
                assertTrue(prefixd.logText().contains("wan0: the link came back within the debounce: [2001:db8:ffff::100] set again"), prefixd.logTail());
                // The duplicate address checks of the address set again (3 and 8 s) find it in place.
                Await.until("the second duplicate address check", Duration.ofSeconds(12), () -> {
                    String log = prefixd.logText();
                    return log.indexOf("set again") >= 0 && Instant.now().isAfter(time(log, "wan0: the link came back within the debounce").plusSeconds(9));
                });
                String log = prefixd.logText();
                assertTrue(addressed(router) && routed(router), "address and route in place");
                assertFalse(log.contains("duplicate address detection failed") || log.contains("is gone from the interface"), log);
                assertFalse(log.contains("DHCPv6 session paused") || log.contains("rebinding") || log.contains("wan0: lease renewed")
                        || log.contains("wan0: lease rebound"), "a flap inside the debounce asks the server nothing:\n" + log);
            }
        }
    }

    @Test
    void rebindsAtT2WhenTheServerStopsAnsweringAndKeepsTheLeaseWhenAServerAnswers() throws Exception {
        Assumptions.assumeTrue(Cmd.isRoot(), "needs root: creates network namespaces");
        Namespace[] lab = lab();
        Namespace isp = lab[0], router = lab[1];
        try (isp; router) {
            java.nio.file.Path dir = Prefixd.newDirectory("kearebind");
            try (Prefixd prefixd = new Prefixd(router, dir, "embedded")) {
                try (KeaServer kea = new KeaServer(isp, dir.resolve("kea"), 2, 6, 20, 30)) {
                    configure(prefixd);
                    Await.until("bound", Duration.ofSeconds(10), () -> routed(router));
                }
                // Kea is down: the Renew at T1 (2 s) goes unanswered until T2 (6 s), then the client rebinds.
                Await.until("REBINDING at T2", Duration.ofSeconds(10),
                        () -> prefixd.status().getJsonArray("sessions").getJsonObject(0).getString("state").equals("REBINDING"));
                assertTrue(routed(router), "the prefix stays while its lifetimes run");
                try (KeaServer kea = new KeaServer(isp, dir.resolve("kea"), 2, 6, 20, 30)) {
                    Await.until("a Rebind answered by the restarted server", Duration.ofSeconds(15),
                            () -> prefixd.logText().contains("wan0: lease rebound"));
                    assertTrue(routed(router) && addressed(router));
                }
            }
        }
    }

    @Test
    void declinesAnAddressAnotherNodeUsesAndGetsAnotherOne() throws Exception {
        Assumptions.assumeTrue(Cmd.isRoot(), "needs root: creates network namespaces");
        Namespace[] lab = lab();
        Namespace isp = lab[0], router = lab[1];
        try (isp; router) {
            // Kea hands out the first address of its pool first; here a node on the link already has it.
            isp.ip("addr", "add", "2001:db8:ffff::100/128", "dev", "isp0", "nodad");
            router.sysctl("net.ipv6.conf.wan0.accept_dad", "1");
            java.nio.file.Path dir = Prefixd.newDirectory("keadecline");
            try (KeaServer kea = new KeaServer(isp, dir.resolve("kea"), 30, 50, 80, 120); Prefixd prefixd = new Prefixd(router, dir, "embedded")) {
                configure(prefixd);
                Await.until("DAD failure seen", Duration.ofSeconds(15),
                        () -> prefixd.logText().contains("wan0: duplicate address detection failed for 2001:db8:ffff::100"));
                Await.until("another address from Kea after the Decline", Duration.ofSeconds(15), () -> {
                    String addresses = router.ip("-6", "addr", "show", "dev", "wan0");
                    return addresses.contains("inet6 2001:db8:ffff::1") && !addresses.contains("inet6 2001:db8:ffff::100/128")
                            && !addresses.contains("tentative");
                });
                assertTrue(Files.readString(kea.dir.resolve("kea.log")).contains("DHCP6_DECLINE_LEASE"), "Kea saw no Decline");
                assertTrue(routed(router), "the prefix stayed through the Decline");
                var session = prefixd.status().getJsonArray("sessions").getJsonObject(0);
                assertEquals("BOUND", session.getString("state"));
                assertFalse(session.getJsonArray("addresses").getJsonObject(0).getString("address").equals("2001:db8:ffff::100"), session.toString());
            }
        }
    }
}
