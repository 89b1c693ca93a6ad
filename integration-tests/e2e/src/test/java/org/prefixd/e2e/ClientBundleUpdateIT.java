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

    /**
     * The client started again while no hook dispatcher was there (the hooks bundle stopped): the
     * resumed event runs the hook once when the hooks come back — the dispatcher takes it up from
     * the lease's registration and the client tells it to the listener that binds; not twice.
     */
    @Test
    void anEventNoDispatcherHeardRunsTheHookOnceWhenTheHooksComeBack() throws Exception {
        Assumptions.assumeTrue(Cmd.isRoot(), "needs root: creates network namespaces");
        Namespace[] lab = DhcpClientKeaIT.lab();
        try (Namespace isp = lab[0]; Namespace router = lab[1]) {
            Path dir = Prefixd.newDirectory("clientupdate");
            HookRecorder hook = new HookRecorder(java.nio.file.Files.createDirectories(dir.resolve("scripts")), "prefixd");
            try (KeaServer kea = new KeaServer(isp, dir.resolve("kea"), 30, 50, 80, 120);
                 Prefixd prefixd = new Prefixd(router, dir, "console", true)) {
                prefixd.config("prefixd.link-wan.cfg", "interface = wan0\nmode = ethernet\n");
                prefixd.config("prefixd.hook-rec.cfg", "script = " + hook.script + "\nstyle = prefixd\n");
                prefixd.config("prefixd.dhcp6-wan.cfg", "link = wan0\niana = 1\niapd = 2/56\nfirst.solicit.delay = false\n");
                Await.until("bound and its hook run", Duration.ofSeconds(10), () -> hook.where("PREFIXD_EVENT", "bound").size() == 1);
                String hooks = ConsoleProfileIT.bundleId(prefixd, "prefixd.hooks");
                prefixd.shell("stop " + hooks);
                int before = prefixd.logText().length();
                prefixd.shell("update " + ConsoleProfileIT.bundleId(prefixd, "prefixd.dhcp6.client"));
                Await.until("the lease resumed by the new bundle", Duration.ofSeconds(10),
                        () -> prefixd.logText().substring(before).contains("wan0: lease resumed"));
                assertEquals(0, hook.where("PREFIXD_EVENT", "resumed").size(), hook.allText());
                prefixd.shell("start " + hooks);
                Await.until("the resumed event's hook run", Duration.ofSeconds(10), () -> hook.where("PREFIXD_EVENT", "resumed").size() == 1);
                // A renewal's run comes after any second run of the resumed event on the link's queue.
                assertEquals(0, prefixd.cli("renew", "wan0").exit(), "prefixd renew wan0");
                Await.until("the renewal's hook run", Duration.ofSeconds(10), () -> hook.where("PREFIXD_EVENT", "renewed").size() == 1);
                assertEquals(1, hook.where("PREFIXD_EVENT", "resumed").size(), hook.allText());
                assertEquals(3, hook.runs().size(), hook.allText());
            }
        }
    }
}
