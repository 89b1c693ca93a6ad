package org.prefixd.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The whole path in namespaces: Kea (ISP) delegates a /56 to prefixd on the router, pd gives
 * the LAN a /64, radvd (supervised by prefixd) advertises it, and a LAN host autoconfigures an
 * address in it, learns the DNS server from the RA and reaches the router. Bundle updates of pd
 * and radvd leave radvd running; a radvd killed is started again.
 */
class RouterAdvertisementIT {
    @Test
    void aLanHostAutoconfiguresFromTheDelegatedPrefixAndRadvdIsSupervised() throws Exception {
        Assumptions.assumeTrue(Cmd.isRoot(), "needs root: creates network namespaces");
        Namespace[] lab = DhcpClientKeaIT.lab();
        Namespace isp = lab[0], router = lab[1];
        try (isp; router; Namespace host = new Namespace("pfx-host")) {
            router.sysctl("net.ipv6.conf.all.forwarding", "1");
            router.sysctl("net.ipv6.conf.wan0.accept_ra", "2");
            router.lanTo(host, "lan0");
            Path dir = Prefixd.newDirectory("ra");
            try (KeaServer kea = new KeaServer(isp, dir.resolve("kea"), 30, 50, 80, 120);
                 Prefixd prefixd = new Prefixd(router, dir, "console", true)) {
                prefixd.config("prefixd.link-wan.cfg", "interface = wan0\nmode = ethernet\n");
                prefixd.config("prefixd.dhcp6-wan.cfg", "link = wan0\niana = 1\niapd = 2/56\nfirst.solicit.delay = false\n");
                prefixd.config("prefixd.lan-lan0.cfg", "lan = lan0\n");
                Await.until("a global address from the delegated prefix on the LAN host", Duration.ofSeconds(20),
                        () -> host.ip("-6", "addr", "show", "dev", "eth0").contains("inet6 2001:db8:100:0:"));
                String conf = Files.readString(prefixd.run.resolve("radvd.conf"));
                assertTrue(conf.contains("prefix 2001:db8:100::/64") && conf.contains("RDNSS 2001:db8:ffff::53"), conf);
                String ra = Cmd.ok("ip", "netns", "exec", host.name, "rdisc6", "-1", "eth0");
                assertTrue(ra.contains("2001:db8:ffff::53") && ra.contains("2001:db8:100::/64"), ra);
                assertEquals(0, Cmd.run(List.of("ip", "netns", "exec", host.name, "ping", "-6", "-c", "1", "-W", "2", "2001:db8:100::1")).exit(),
                        () -> "the LAN host does not reach the router's LAN address:\n" + router.ip("-6", "route") + router.ip("-6", "addr", "show", "dev", "lan0")
                                + host.ip("-6", "route") + host.ip("-6", "addr"));

                long pid = radvdPid(prefixd);
                for (String bundle : List.of("prefixd.radvd", "prefixd.pd")) {
                    int mark = prefixd.logText().length();
                    prefixd.shell("update " + ConsoleProfileIT.bundleId(prefixd, bundle));
                    Await.until(bundle + " active again", Duration.ofSeconds(10), () -> ConsoleProfileIT.bundleStateActive(prefixd, bundle)
                            && prefixd.logText().length() > mark);
                    assertEquals(pid, radvdPid(prefixd), "the update of " + bundle + " restarted radvd");
                }
                Await.until("the taken-over radvd noted", Duration.ofSeconds(5), () -> prefixd.logText().contains("is running: taken over"));
                assertTrue(host.ip("-6", "addr", "show", "dev", "eth0").contains("inet6 2001:db8:100:0:"));

                Cmd.ok("kill", "-9", Long.toString(pid));
                Await.until("radvd started again", Duration.ofSeconds(10), () -> {
                    long now = radvdPid(prefixd);
                    return now != pid && now > 0 && ProcessHandle.of(now).map(ProcessHandle::isAlive).orElse(false);
                });
                assertTrue(prefixd.logText().matches("(?s).*radvd \\(pid \\d+\\) exited[^\n]*; starting it again in 1 s.*"), prefixd.logTail());
            }
        }
    }

    private static long radvdPid(Prefixd prefixd) {
        try {
            return Long.parseLong(Files.readString(prefixd.run.resolve("radvd.pid")).strip());
        } catch (java.io.IOException | NumberFormatException e) {
            return -1;
        }
    }
}
