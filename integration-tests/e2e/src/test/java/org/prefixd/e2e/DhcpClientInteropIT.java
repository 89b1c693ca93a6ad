package org.prefixd.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The DHCPv6 client against ISC dhcpd -6, WIDE dhcp6s and dnsmasq (Kea: {@link DhcpClientKeaIT}). */
class DhcpClientInteropIT {
    @BeforeEach
    void needsRoot() {
        Assumptions.assumeTrue(Cmd.isRoot(), "needs root: creates network namespaces");
    }

    private static void link(Prefixd prefixd) throws Exception {
        prefixd.config("prefixd.link-wan.cfg", "interface = wan0\nmode = ethernet\n");
    }

    @Test
    void bindsAndRenewsAnAddressAndAPrefixFromIscDhcpd() throws Exception {
        Namespace[] lab = DhcpClientKeaIT.lab();
        try (Namespace isp = lab[0]; Namespace router = lab[1]) {
            Path dir = Prefixd.newDirectory("dhcpd");
            try (DhcpServers.Server server = DhcpServers.dhcpd(isp, dir.resolve("dhcpd")); Prefixd prefixd = new Prefixd(router, dir, "embedded")) {
                link(prefixd);
                prefixd.config("prefixd.dhcp6-wan.cfg", "link = wan0\niana = 1\niapd = 2/56\nfirst.solicit.delay = false\n");
                Await.until("a lease from dhcpd", Duration.ofSeconds(10), () -> prefixd.logText().contains("wan0: lease bound: 1 address(es), prefixes [2001:db8:1"));
                Await.until("the delegated prefix routed", Duration.ofSeconds(3), () -> router.ip("-6", "route", "show").contains("unreachable 2001:db8:1"));
                Await.until("a renewal at T1", Duration.ofSeconds(10), () -> prefixd.logText().contains("wan0: lease renewed"));

                Cmd.Result release = prefixd.cli("release", "wan0");
                assertTrue(release.exit() == 0 && release.out().contains("wan0: Release"), release.out() + release.err());
                Await.until("the prefix withdrawn after the release", Duration.ofSeconds(3),
                        () -> !router.ip("-6", "route", "show").contains("unreachable 2001:db8:1"));
                Await.until("dhcpd saw the Release", Duration.ofSeconds(3),
                        () -> Cmd.run(java.util.List.of("cat", dir.resolve("dhcpd/server.log").toString())).out().contains("Release message from"));
                assertTrue(prefixd.status().getJsonArray("sessions").getJsonObject(0).getString("state").startsWith("RELEAS"));
                Cmd.Result renew = prefixd.cli("renew", "wan0");
                assertTrue(renew.out().contains("Solicit"), renew.out());
                Await.until("bound again", Duration.ofSeconds(10), () -> prefixd.logText().split("wan0: lease bound").length > 2);
                assertTrue(prefixd.cli("renew", "nosuch0").out().contains("no prefixd.dhcp6 configuration for nosuch0"));
            }
        }
    }

    @Test
    void bindsAndRenewsAPrefixFromWideDhcp6sWhichAnswersFromAnEphemeralPort() throws Exception {
        Namespace[] lab = DhcpClientKeaIT.lab();
        try (Namespace isp = lab[0]; Namespace router = lab[1]) {
            Path dir = Prefixd.newDirectory("dhcp6s");
            try (DhcpServers.Server server = DhcpServers.dhcp6s(isp, dir.resolve("dhcp6s")); Prefixd prefixd = new Prefixd(router, dir, "embedded")) {
                link(prefixd);
                prefixd.config("prefixd.dhcp6-wan.cfg", "link = wan0\nduid = 00030001020000000001\niapd = 2/56\n"
                        + "first.solicit.delay = false\naccept.any.source.port = false\n");
                Await.until("dhcp6s's answers dropped by default", Duration.ofSeconds(5), () -> prefixd.logText().contains("not 547"));
                assertTrue(!prefixd.logText().contains("wan0: lease bound"), "acted on a packet from a port other than 547");
                prefixd.config("prefixd.dhcp6-wan.cfg", "link = wan0\nduid = 00030001020000000001\niapd = 2/56\n"
                        + "first.solicit.delay = false\naccept.any.source.port = true\n");
                Await.until("a prefix from dhcp6s", Duration.ofSeconds(10), () -> prefixd.logText().contains("wan0: lease bound: 0 address(es), prefixes [2001:db8:200::/56]"));
                Await.until("a renewal at T1", Duration.ofSeconds(10), () -> prefixd.logText().contains("wan0: lease renewed"));
            }
        }
    }

    @Test
    void bindsAnAddressFromDnsmasqWithRapidCommit() throws Exception {
        Namespace[] lab = DhcpClientKeaIT.lab();
        try (Namespace isp = lab[0]; Namespace router = lab[1]) {
            Path dir = Prefixd.newDirectory("dnsmasq");
            try (DhcpServers.Server server = DhcpServers.dnsmasq(isp, dir.resolve("dnsmasq")); Prefixd prefixd = new Prefixd(router, dir, "embedded")) {
                link(prefixd);
                prefixd.config("prefixd.dhcp6-wan.cfg", "link = wan0\niana = 1\niapd =\nfirst.solicit.delay = false\n");
                Await.until("an address from dnsmasq", Duration.ofSeconds(10), () -> prefixd.logText().contains("wan0: lease bound: 1 address(es), prefixes []"));
                Await.until("the address on wan0", Duration.ofSeconds(3), () -> router.ip("-6", "addr", "show", "dev", "wan0").contains("2001:db8:ffff::"));
            }
        }
    }

    @Test
    void releasesOnStopOnlyWhenConfiguredAndNeverOnABundleUpdate() throws Exception {
        Namespace[] lab = DhcpClientKeaIT.lab();
        try (Namespace isp = lab[0]; Namespace router = lab[1]) {
            Path dir = Prefixd.newDirectory("release");
            try (DhcpServers.Server server = DhcpServers.dhcpd(isp, dir.resolve("dhcpd")); Prefixd prefixd = new Prefixd(router, dir, "embedded")) {
                link(prefixd);
                prefixd.config("prefixd.dhcp6-wan.cfg", "link = wan0\niana = 1\niapd = 2/56\nfirst.solicit.delay = false\nrelease.on.stop = true\n");
                Await.until("a lease from dhcpd", Duration.ofSeconds(10), () -> prefixd.logText().contains("wan0: lease bound"));
                // A config change restarts the component: that is no stop of prefixd, so no Release.
                prefixd.config("prefixd.dhcp6-wan.cfg", "link = wan0\niana = 1\niapd = 2/56\nfirst.solicit.delay = false\nrelease.on.stop = true\nlink.lost.grace = 20\n");
                Await.until("the lease resumed after the reconfiguration", Duration.ofSeconds(10), () -> prefixd.logText().contains("wan0: lease resumed"));
                assertTrue(!serverLog(dir).contains("Release message from"), "a reconfiguration released the lease");
                assertEquals(0, prefixd.terminate(Duration.ofSeconds(5)));
                Await.until("dhcpd got the Release", Duration.ofSeconds(3), () -> serverLog(dir).contains("Release message from"));
            }
        }
    }

    @Test
    void getsDnsAndDomainsStatelesslyFromDnsmasq() throws Exception {
        Namespace[] lab = DhcpClientKeaIT.lab();
        try (Namespace isp = lab[0]; Namespace router = lab[1]) {
            Path dir = Prefixd.newDirectory("stateless");
            try (DhcpServers.Server server = DhcpServers.dnsmasqStateless(isp, dir.resolve("dnsmasq")); Prefixd prefixd = new Prefixd(router, dir, "embedded")) {
                link(prefixd);
                prefixd.config("prefixd.dhcp6-wan.cfg", "link = wan0\nstateless = true\niana = -1\niapd =\nfirst.solicit.delay = false\n");
                Await.until("the information", Duration.ofSeconds(10),
                        () -> prefixd.logText().contains("wan0: information: DNS [2001:db8:ffff::53], domains [example.com]"));
                assertEquals("INFORMED", prefixd.status().getJsonArray("sessions").getJsonObject(0).getString("state"));
            }
        }
    }

    private static String serverLog(Path dir) {
        return Cmd.run(java.util.List.of("cat", dir.resolve("dhcpd/server.log").toString())).out();
    }
}
