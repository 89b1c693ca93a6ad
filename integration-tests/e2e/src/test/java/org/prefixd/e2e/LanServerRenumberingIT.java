package org.prefixd.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The LAN DHCPv6 server through a WAN renumbering and a kill -9: dhcpcd as a host on lan0 (IA_NA
 * by MAC) and as a router on lan1 (IA_PD, delegate = 60). The ISP renumbers (Kea restarted with
 * another pool): at their next renewal the host has its address in the new /64, the old one
 * deprecated, and the router's /60 moves to the new prefix (the old one withdrawn: its route gone at
 * once, lifetimes 0 at the router's next Renew). Then prefixd is killed with -9 and started again: the host keeps its address and renews it
 * with the new prefixd, which knows the lease.
 */
class LanServerRenumberingIT {
    @Test
    void hostsAndRoutersFollowARenumberingAndOutliveAKill9() throws Exception {
        Assumptions.assumeTrue(Cmd.isRoot(), "needs root: creates network namespaces");
        Namespace[] lab = DhcpClientKeaIT.lab();
        Namespace isp = lab[0], router = lab[1];
        try (isp; router; Namespace host = new Namespace("pfx-host"); Namespace dr = new Namespace("pfx-dr")) {
            router.sysctl("net.ipv6.conf.all.forwarding", "1");
            router.lanTo(host, "lan0");
            router.lanTo(dr, "lan1");
            dr.sysctl("net.ipv6.conf.all.forwarding", "1");
            dr.ip("link", "add", "down0", "type", "veth", "peer", "name", "down0p");
            dr.ip("link", "set", "down0", "up");
            dr.ip("link", "set", "down0p", "up");
            String mac = host.ip("link", "show", "dev", "eth0").replaceAll("(?s).*link/ether ([0-9a-f:]{17}).*", "$1");
            String hostPart = LanDhcp6IT.macGroups(mac);
            Path dir = Prefixd.newDirectory("lanrenumber");
            // preferred 12 s: the LAN clients renew every 6 s (T1 = half the shortest preferred lifetime)
            KeaServer kea = new KeaServer(isp, dir.resolve("kea"), 3, 5, 12, 30);
            LanClientProcess hostClient = null, routerClient = null;
            Prefixd prefixd = new Prefixd(router, dir, "embedded");
            try {
                prefixd.config("prefixd.link-wan.cfg", "interface = wan0\nmode = ethernet\n");
                prefixd.config("prefixd.dhcp6-wan.cfg", "link = wan0\niana = 1\niapd = 2/56\nfirst.solicit.delay = false\n");
                prefixd.config("prefixd.lan-lan0.cfg", "lan = lan0\ndhcpv6 = stateful\n");
                prefixd.config("prefixd.lan-lan1.cfg", "lan = lan1\ndhcpv6 = stateless\ndelegate = 60\n");
                Await.until("both LANs' subnets", Duration.ofSeconds(20), () -> router.ip("-6", "addr").contains("2001:db8:100::1/64")
                        && router.ip("-6", "addr").contains("2001:db8:100:1::1/64"));
                hostClient = LanClientProcess.dhcpcd(host, dir.resolve("host"), "ia_na 1", "eth0");
                routerClient = LanClientProcess.dhcpcd(dr, dir.resolve("router"), "ia_pd 1 down0/0", "eth0", "down0");
                LanClientProcess h = hostClient, r = routerClient;
                Await.until("the host's address by MAC", Duration.ofSeconds(20), () -> usable(host, "eth0", "2001:db8:100::" + hostPart), h::log);
                Await.until("the router's /60, on its LAN and routed", Duration.ofSeconds(20),
                        () -> usable(dr, "down0", "2001:db8:100:10::1") && router.ip("-6", "route").contains("2001:db8:100:10::/60 via"), r::log);

                kea.close();
                kea = new KeaServer(isp, dir.resolve("kea"), 3, 5, 12, 30, "2001:db8:900::");
                Prefixd p = prefixd;
                Await.until("the host's address in the new prefix, the old one deprecated", Duration.ofSeconds(40),
                        () -> usable(host, "eth0", "2001:db8:900::" + hostPart) && deprecated(host, "eth0", "2001:db8:100::" + hostPart),
                        () -> host.ip("-6", "addr") + h.log() + p.logTail());
                Await.until("the router's /60 moved to the new prefix", Duration.ofSeconds(40),
                        () -> usable(dr, "down0", "2001:db8:900:10::1") && router.ip("-6", "route").contains("2001:db8:900:10::/60 via"),
                        () -> router.ip("-6", "route") + r.log() + p.logTail());
                Await.until("the old /60 withdrawn: no route to it, and the router took it off its LAN (lifetimes 0)", Duration.ofSeconds(20),
                        () -> !router.ip("-6", "route").contains("2001:db8:100:10::/60") && !dr.ip("-6", "addr", "show", "dev", "down0").contains("2001:db8:100:10:"),
                        () -> router.ip("-6", "route") + dr.ip("-6", "addr", "show", "dev", "down0") + r.log() + p.logTail());
                assertTrue(p.logText().contains("lan1: delegation withdrawn: [2001:db8:100:10::/60]"), p.logTail());

                Cmd.ok("kill", "-9", Long.toString(prefixd.pid()));
                prefixd.close();
                int renewals = count(h.log(), "REPLY6 received");
                prefixd = new Prefixd(router, dir, "embedded");
                Prefixd again = prefixd;
                Await.until("the host's lease read back", Duration.ofSeconds(20), () -> again.logText().contains("lan0: 1 LAN lease(s) read back"), again::logTail);
                Await.until("two renewals answered by the new prefixd", Duration.ofSeconds(30), () -> count(h.log(), "REPLY6 received") >= renewals + 2,
                        () -> h.log() + again.logTail());
                assertTrue(usable(host, "eth0", "2001:db8:900::" + hostPart), "the host lost its address:\n" + host.ip("-6", "addr"));
                assertTrue(!h.log().contains("NoBinding") && !again.logText().contains("no binding"), h.log());
            } finally {
                if (hostClient != null) hostClient.close();
                if (routerClient != null) routerClient.close();
                prefixd.close();
                kea.close();
            }
        }
    }

    private static int count(String text, String what) {
        return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
    }

    private static boolean usable(Namespace ns, String dev, String address) {
        return ns.ip("-6", "addr", "show", "dev", dev).lines().anyMatch(l -> l.contains("inet6 " + address + "/") && !l.contains("deprecated"));
    }

    private static boolean deprecated(Namespace ns, String dev, String address) {
        return ns.ip("-6", "addr", "show", "dev", dev).lines().anyMatch(l -> l.contains("inet6 " + address + "/") && l.contains("deprecated"));
    }
}
