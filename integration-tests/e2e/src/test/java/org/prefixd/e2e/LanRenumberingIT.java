package org.prefixd.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Two LANs with a host each, what the hosts see (RFC 9096): a LAN reconfigured (a new hint)
 * moves only its host; the ISP renumbering (Kea restarted with another pool: the old prefix
 * comes back with lifetime 0, a new one is delegated) deprecates the old subnets on both hosts
 * and brings the new ones; the WAN gone beyond the grace periods deprecates everything.
 */
class LanRenumberingIT {
    @Test
    void hostsSeeOnlyTheirLansChangesAndRenumberingDeprecatesTheOldSubnets() throws Exception {
        Assumptions.assumeTrue(Cmd.isRoot(), "needs root: creates network namespaces");
        Namespace[] lab = DhcpClientKeaIT.lab();
        Namespace isp = lab[0], router = lab[1];
        try (isp; router; Namespace host0 = new Namespace("pfx-h0"); Namespace host1 = new Namespace("pfx-h1")) {
            router.sysctl("net.ipv6.conf.all.forwarding", "1");
            router.sysctl("net.ipv6.conf.wan0.accept_ra", "2");
            router.lanTo(host0, "lan0");
            router.lanTo(host1, "lan1");
            Path dir = Prefixd.newDirectory("renumber");
            KeaServer kea = new KeaServer(isp, dir.resolve("kea"), 3, 5, 40, 60);
            try (Prefixd prefixd = new Prefixd(router, dir, "embedded")) {
                prefixd.config("prefixd.link-wan.cfg", "interface = wan0\nmode = ethernet\ndebounce = 0.5\n");
                prefixd.config("prefixd.dhcp6-wan.cfg", "link = wan0\niana = 1\niapd = 2/56\nfirst.solicit.delay = false\nlink.lost.grace = 2\n");
                prefixd.config("prefixd.lan-lan0.cfg", "lan = lan0\n");
                prefixd.config("prefixd.lan-lan1.cfg", "lan = lan1\nhint = 10\n");
                Await.until("both hosts autoconfigured", Duration.ofSeconds(20),
                        () -> usable(host0, "2001:db8:100:0:") && usable(host1, "2001:db8:100:10:"));

                prefixd.config("prefixd.lan-lan1.cfg", "lan = lan1\nhint = 20\n");
                try {
                    Await.until("host1 in its new subnet, the old one deprecated", Duration.ofSeconds(20),
                            () -> usable(host1, "2001:db8:100:20:") && deprecated(host1, "2001:db8:100:10:"));
                } catch (AssertionError e) {
                    throw new AssertionError(e.getMessage() + "\nhost1:\n" + addresses(host1) + "\n" + java.nio.file.Files.readString(prefixd.run.resolve("radvd.conf")), e);
                }
                assertTrue(usable(host0, "2001:db8:100:0:") && !deprecated(host0, "2001:db8:100:0:"), "host0 saw lan1's change:\n" + addresses(host0));

                kea.close();
                kea = new KeaServer(isp, dir.resolve("kea"), 3, 5, 40, 60, "2001:db8:900::");
                Await.until("the new prefix on both hosts, the old subnets deprecated", Duration.ofSeconds(40),
                        () -> usable(host0, "2001:db8:900:0:") && usable(host1, "2001:db8:900:20:")
                                && deprecated(host0, "2001:db8:100:0:") && deprecated(host1, "2001:db8:100:20:"));

                isp.ip("link", "set", "isp0", "down");
                Await.until("everything deprecated once the WAN is gone beyond the grace periods", Duration.ofSeconds(40),
                        () -> deprecated(host0, "2001:db8:900:0:") && deprecated(host1, "2001:db8:900:20:"));
            } finally {
                kea.close();
            }
        }
    }

    private static String addresses(Namespace host) {
        return host.ip("-6", "addr", "show", "dev", "eth0", "scope", "global");
    }

    /** The host has an address starting so, not deprecated. */
    private static boolean usable(Namespace host, String start) {
        return addresses(host).lines().anyMatch(l -> l.strip().startsWith("inet6 " + start) && !l.contains("deprecated"));
    }

    private static boolean deprecated(Namespace host, String start) {
        return addresses(host).lines().anyMatch(l -> l.strip().startsWith("inet6 " + start) && l.contains("deprecated"));
    }
}
