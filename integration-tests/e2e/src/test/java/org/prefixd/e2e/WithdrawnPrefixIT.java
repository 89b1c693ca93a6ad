package org.prefixd.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The ISP withdraws the delegated /56 (Kea restarted with another pool: the Renew's Reply gives
 * the old prefix lifetimes 0 and a new one beside it). The LAN's subnet of the old prefix is
 * deprecated with the new one's arrival — router address preferred 0, RA with preferred 0 — not
 * after the grace the distributor keeps for a client bundle being updated (10 s).
 */
class WithdrawnPrefixIT {
    @Test
    void aPrefixTheServerWithdrawsIsDeprecatedOnTheLanAtOnce() throws Exception {
        Assumptions.assumeTrue(Cmd.isRoot(), "needs root: creates network namespaces");
        Namespace[] lab = DhcpClientKeaIT.lab();
        Namespace isp = lab[0], router = lab[1];
        try (isp; router; Namespace host = new Namespace("pfx-wd-h")) {
            router.sysctl("net.ipv6.conf.all.forwarding", "1");
            router.sysctl("net.ipv6.conf.wan0.accept_ra", "2");
            router.lanTo(host, "lan0");
            Path dir = Prefixd.newDirectory("withdrawn");
            KeaServer kea = new KeaServer(isp, dir.resolve("kea"), 2, 4, 600, 900);
            try (Prefixd prefixd = new Prefixd(router, dir, "embedded")) {
                prefixd.config("prefixd.link-wan.cfg", "interface = wan0\nmode = ethernet\n");
                prefixd.config("prefixd.dhcp6-wan.cfg", "link = wan0\niana = 1\niapd = 2/56\nfirst.solicit.delay = false\n");
                prefixd.config("prefixd.lan-lan0.cfg", "lan = lan0\n");
                Await.until("the LAN host autoconfigured", Duration.ofSeconds(20), () -> has(host, "eth0", "2001:db8:100", false));

                kea.close();
                kea = new KeaServer(isp, dir.resolve("kea"), 2, 4, 600, 900, "2001:db8:900::");
                Await.until("the new /64 on the router's LAN interface", Duration.ofSeconds(20), () -> has(router, "lan0", "2001:db8:900", false));
                assertTrue(prefixd.logText().contains("wan0: 2001:db8:100::/56 withdrawn (the server gave it valid lifetime 0)"), prefixd.logTail());
                // The same distributor run deprecates the old subnet; 2 s is slack for the ip
                // commands and the radvd.conf writer, far below the 10 s grace.
                Await.until("the old subnet's router address deprecated", Duration.ofSeconds(2), () -> has(router, "lan0", "2001:db8:100", true));
                Await.until("radvd.conf deprecating the old subnet", Duration.ofSeconds(2), () -> {
                    String conf = TextFile.read(prefixd.run.resolve("radvd.conf"));
                    int at = conf.indexOf("prefix 2001:db8:100::/64");
                    return at >= 0 && conf.substring(at, conf.indexOf('}', at)).contains("AdvPreferredLifetime 0;");
                });
                Await.until("the LAN host's old address deprecated by the RA", Duration.ofSeconds(10), () -> has(host, "eth0", "2001:db8:100", true));
                assertTrue(has(host, "eth0", "2001:db8:900", false), "the host has an address in the new subnet");
            } finally {
                kea.close();
            }
        }
    }

    /** An address on {@code dev} in the subnet {@code first48}:0::/64, deprecated or not. */
    private static boolean has(Namespace ns, String dev, String first48, boolean deprecated) {
        return ns.ip("-6", "addr", "show", "dev", dev, "scope", "global").lines().map(String::strip)
                .anyMatch(l -> (l.startsWith("inet6 " + first48 + "::") || l.startsWith("inet6 " + first48 + ":0:")) && l.contains("deprecated") == deprecated);
    }
}
