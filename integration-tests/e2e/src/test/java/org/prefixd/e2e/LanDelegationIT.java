package org.prefixd.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Routers behind the router (prefixd.lan delegate = 60): dhcpcd on lan0 and WIDE dhcp6c on lan1
 * ask for a prefix with IA_PD, each gets its own /60 of the WAN's /56 (never the LANs' /64s),
 * routed via its link-local address, and puts a /64 of it on a LAN of its own, where a host pings
 * the ISP's side. The delegations outlive a kill -9 of prefixd (the same /60 for the same router
 * afterwards) and a Release takes the route away.
 */
class LanDelegationIT {
    private static final Pattern DELEGATED_ROUTE = Pattern.compile("(2001:db8:100:[0-9a-f]*0::/60) via (fe80::[0-9a-f:]+) dev (lan[01]) proto static [^\\n]*expires");

    @Test
    void dhcpcdAndWideDhcp6cGetTheirOwnSixtyRoutedAndAHostBehindEachReachesTheIsp() throws Exception {
        Assumptions.assumeTrue(Cmd.isRoot(), "needs root: creates network namespaces");
        Namespace[] lab = DhcpClientKeaIT.lab();
        Namespace isp = lab[0], router = lab[1];
        try (isp; router; Namespace dr1 = new Namespace("pfx-dr1"); Namespace dr2 = new Namespace("pfx-dr2");
             Namespace host1 = new Namespace("pfx-h1"); Namespace host2 = new Namespace("pfx-h2")) {
            router.sysctl("net.ipv6.conf.all.forwarding", "1");
            router.lanTo(dr1, "lan0");
            router.lanTo(dr2, "lan1");
            for (Namespace dr : List.of(dr1, dr2)) dr.sysctl("net.ipv6.conf.all.forwarding", "1");
            dr1.lanTo(host1, "down0");
            dr2.lanTo(host2, "down0");
            // The ISP routes the customer's /56 to the router, the router its default to the ISP (no RA on the lab's WAN).
            isp.ip("-6", "route", "add", "2001:db8:100::/56", "via", router.linkLocal("wan0"), "dev", "isp0");
            router.ip("-6", "route", "add", "default", "via", isp.linkLocal("isp0"), "dev", "wan0");
            dr1.ip("-6", "route", "add", "default", "via", router.linkLocal("lan0"), "dev", "eth0");
            dr2.ip("-6", "route", "add", "default", "via", router.linkLocal("lan1"), "dev", "eth0");
            Path dir = Prefixd.newDirectory("landelegation");
            try (KeaServer kea = new KeaServer(isp, dir.resolve("kea"), 300, 500, 800, 1200)) {
                Prefixd prefixd = new Prefixd(router, dir, "embedded");
                LanClientProcess dhcpcd = null, dhcp6c = null;
                try {
                    prefixd.config("prefixd.link-wan.cfg", "interface = wan0\nmode = ethernet\n");
                    prefixd.config("prefixd.dhcp6-wan.cfg", "link = wan0\niana = 1\niapd = 2/56\nfirst.solicit.delay = false\n");
                    prefixd.config("prefixd.lan-lan0.cfg", "lan = lan0\ndhcpv6 = stateless\ndelegate = 60\n");
                    prefixd.config("prefixd.lan-lan1.cfg", "lan = lan1\nhint = 1\ndhcpv6 = stateful\ndelegate = 60\n");
                    Await.until("both LANs' subnets", Duration.ofSeconds(20), () -> router.ip("-6", "addr").contains("2001:db8:100::1/64")
                            && router.ip("-6", "addr").contains("2001:db8:100:1::1/64"));

                    dhcpcd = LanClientProcess.dhcpcd(dr1, dir.resolve("dhcpcd"), "ia_pd 1 down0/0", "eth0", "down0");
                    dhcp6c = LanClientProcess.dhcp6c(dr2, dir.resolve("dhcp6c"));
                    LanClientProcess c1 = dhcpcd, c2 = dhcp6c;
                    Await.until("a /60 routed to each downstream router", Duration.ofSeconds(30), () -> routes(router).size() == 2,
                            () -> "\n" + router.ip("-6", "route") + c1.log() + c2.log() + prefixd.logTail());
                    List<String[]> routes = routes(router);
                    String p1 = routes.stream().filter(r -> r[2].equals("lan0")).findFirst().orElseThrow()[0];
                    String p2 = routes.stream().filter(r -> r[2].equals("lan1")).findFirst().orElseThrow()[0];
                    assertNotEquals(p1, p2);
                    for (String p : List.of(p1, p2)) assertFalse(p.equals("2001:db8:100::/60"), "the /60 holding the LANs' /64s is never delegated: " + p);
                    assertEquals(dr1.linkLocal("eth0"), routes.stream().filter(r -> r[2].equals("lan0")).findFirst().orElseThrow()[1]);

                    // each router puts a /64 of its /60 on its own LAN; a host there reaches the ISP
                    String lan1 = p1.replace("::/60", ""), lan2 = p2.replace("::/60", ""); // "2001:db8:100:10": the /64 number 0 of each /60
                    Await.until("dhcpcd's /64 on its LAN", Duration.ofSeconds(20), () -> dr1.ip("-6", "addr", "show", "dev", "down0").contains("inet6 " + lan1 + ":"),
                            () -> dr1.ip("-6", "addr") + c1.log());
                    Await.until("dhcp6c's /64 on its LAN", Duration.ofSeconds(20), () -> dr2.ip("-6", "addr", "show", "dev", "down0").contains("inet6 " + lan2 + ":"),
                            () -> dr2.ip("-6", "addr") + c2.log());
                    reachesTheIsp(host1, dr1, lan1);
                    reachesTheIsp(host2, dr2, lan2);

                    var clients = prefixd.status().getJsonArray("lanClients");
                    assertEquals(2, clients.size(), clients.toString());
                    assertTrue(clients.toString().contains("\"prefixes\":[\"" + p1 + "\"]") && clients.toString().contains("\"how\":\"delegated\""), clients.toString());
                    Await.until("the delegations in the LAN lease files", Duration.ofSeconds(5),
                            () -> TextFile.read(prefixd.state.resolve("lan-leases-lan0.json")).contains(p1)
                                    && TextFile.read(prefixd.state.resolve("lan-leases-lan1.json")).contains(p2));

                    // kill -9 of prefixd: the routes stay; a new prefixd gives dhcpcd, starting afresh with its DUID, the same /60
                    Cmd.ok("kill", "-9", Long.toString(prefixd.pid()));
                    prefixd.close();
                    assertEquals(2, routes(router).size(), router.ip("-6", "route"));
                    dhcpcd.close();
                    Prefixd again = new Prefixd(router, dir, "embedded");
                    try (again) {
                        Await.until("the delegations read back", Duration.ofSeconds(20),
                                () -> again.logText().contains("lan0: 1 delegation(s) to downstream routers read back"), again::logTail);
                        dhcpcd = LanClientProcess.dhcpcd(dr1, dir.resolve("dhcpcd"), "ia_pd 1 down0/0", "eth0", "down0");
                        LanClientProcess c1b = dhcpcd;
                        Await.until("the same /60 for dhcpcd from the new prefixd", Duration.ofSeconds(30), () -> {
                            String log = c1b.log();
                            int start = log.lastIndexOf("dhcpcd-");
                            return log.split("dhcpcd-[0-9.]+ starting", -1).length == 3 && log.substring(start).contains("delegated prefix " + p1);
                        }, () -> c1b.log() + again.logTail());
                        assertTrue(routes(router).stream().anyMatch(r -> r[0].equals(p1) && r[2].equals("lan0")), router.ip("-6", "route"));
                        reachesTheIsp(host1, dr1, lan1);

                        // dhcp6c stops with a Release: its route goes
                        dhcp6c.close();
                        Await.until("dhcp6c's route gone after its Release", Duration.ofSeconds(15), () -> routes(router).stream().noneMatch(r -> r[2].equals("lan1")),
                                () -> router.ip("-6", "route") + again.logTail());
                        assertTrue(again.logText().contains("lan1: delegation released: [" + p2 + "]"), again.logTail());
                    }
                } finally {
                    if (dhcpcd != null) dhcpcd.close();
                    if (dhcp6c != null) dhcp6c.close();
                    prefixd.close();
                }
            }
        }
    }

    private static List<String[]> routes(Namespace router) {
        List<String[]> out = new java.util.ArrayList<>();
        Matcher m = DELEGATED_ROUTE.matcher(router.ip("-6", "route", "show"));
        while (m.find()) out.add(new String[] {m.group(1), m.group(2), m.group(3)});
        return out;
    }

    /** A host with an address in the router's /64 ({@code net}::100) and its default via the router pings the ISP's server address. */
    private static void reachesTheIsp(Namespace host, Namespace dr, String net) {
        if (!host.ip("-6", "addr", "show", "dev", "eth0").contains(net + "::100/64")) {
            host.ip("-6", "addr", "add", net + "::100/64", "dev", "eth0", "nodad");
            host.ip("-6", "route", "add", "default", "via", dr.linkLocal("down0"), "dev", "eth0");
        }
        Await.until("a ping from " + net + "::100 to the ISP", Duration.ofSeconds(10),
                () -> Cmd.run(List.of("ip", "netns", "exec", host.name, "ping", "-6", "-c", "1", "-W", "1", "2001:db8:ffff::1")).exit() == 0);
    }
}
