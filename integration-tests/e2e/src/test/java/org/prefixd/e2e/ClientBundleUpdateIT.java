package org.prefixd.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** `update` of the DHCPv6 client bundle in the shell keeps the lease: no Solicit, the prefix stays routed. */
class ClientBundleUpdateIT {
    @Test
    void updatingTheClientBundleResumesTheLeaseWithoutASolicit() throws Exception {
        Assumptions.assumeTrue(Cmd.isRoot(), "needs root: creates network namespaces");
        Namespace[] lab = DhcpClientKeaIT.lab();
        try (Namespace isp = lab[0]; Namespace router = lab[1]) {
            Path dir = Prefixd.newDirectory("clientupdate");
            try (KeaServer kea = new KeaServer(isp, dir.resolve("kea"), 30, 50, 80, 120);
                 Prefixd prefixd = new Prefixd(router, dir, "console", true)) {
                prefixd.config("prefixd.link-wan.cfg", "interface = wan0\nmode = ethernet\n");
                prefixd.config("prefixd.dhcp6-wan.cfg", "link = wan0\niana = 1\niapd = 2/56\nfirst.solicit.delay = false\n");
                Await.until("bound", Duration.ofSeconds(10), () -> DhcpClientKeaIT.routed(router));
                int before = prefixd.logText().length();
                prefixd.shell("update " + ConsoleProfileIT.bundleId(prefixd, "prefixd.dhcp6.client"));
                Await.until("the lease resumed by the new bundle", Duration.ofSeconds(10),
                        () -> prefixd.logText().substring(before).contains("wan0: lease resumed"));
                String after = prefixd.logText().substring(before);
                assertTrue(!after.contains("wan0: soliciting"), "the update cost a Solicit:\n" + after);
                assertTrue(DhcpClientKeaIT.routed(router) && DhcpClientKeaIT.addressed(router), "the route or address went away");
                assertEquals("BOUND", prefixd.status().getJsonArray("sessions").getJsonObject(0).getString("state"));

                // The new bundle registers the lease as a WanLease service again, with Kea's DNS server.
                int mark = prefixd.logText().length();
                prefixd.shell("inspect capability service " + ConsoleProfileIT.bundleId(prefixd, "prefixd.dhcp6.client"));
                Await.until("the WanLease service with its properties", Duration.ofSeconds(5), () -> {
                    String shown = prefixd.logText().substring(mark);
                    return shown.contains("org.prefixd.api.WanLease") && shown.contains("2001:db8:ffff::53") && shown.contains("2001:db8:100::/56");
                });
            }
        }
    }
}
