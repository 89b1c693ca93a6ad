package org.prefixd.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * RFC 8415 §18.2.12 on the wire, with Kea and T1 far away (60 s): a prefixd started on a lease
 * it kept (here after kill -9) uses it at once and Rebinds at once, because nobody watched the
 * link meanwhile; a bundle update and a configuration change inside a running prefixd stay
 * silent. Silence is shown without waiting: `prefixd renew` answers "busy (REBINDING)" while a
 * Rebind is under way, and otherwise puts a Renew on the wire, after anything sent before it.
 */
class RestartRebindIT {
    @Test
    void aRestartRebindsAtOnceWhileABundleUpdateAndAConfigChangeStaySilent() throws Exception {
        Assumptions.assumeTrue(Cmd.isRoot(), "needs root: creates network namespaces");
        Namespace[] lab = DhcpClientKeaIT.lab();
        try (Namespace isp = lab[0]; Namespace router = lab[1]) {
            Path dir = Prefixd.newDirectory("restartrebind");
            try (KeaServer kea = new KeaServer(isp, dir.resolve("kea"), 60, 90, 120, 180);
                 Capture capture = new Capture(isp, dir.resolve("wire.txt"))) {
                Prefixd first = new Prefixd(router, dir, "console", true);
                try {
                    first.config("prefixd.link-wan.cfg", "interface = wan0\nmode = ethernet\n");
                    first.config("prefixd.dhcp6-wan.cfg", "link = wan0\niana = 1\niapd = 2/56\nfirst.solicit.delay = false\n");
                    Await.until("bound", Duration.ofSeconds(10), () -> DhcpClientKeaIT.routed(router) && DhcpClientKeaIT.addressed(router));

                    int mark = first.logText().length();
                    first.shell("update " + ConsoleProfileIT.bundleId(first, "prefixd.dhcp6.client"));
                    Await.until("resumed by the updated bundle", Duration.ofSeconds(10), () -> first.logText().substring(mark).contains("wan0: lease resumed"));
                    silentThenRenews(first, capture, "the bundle update");

                    int mark2 = first.logText().length();
                    first.config("prefixd.dhcp6-wan.cfg", "link = wan0\niana = 1\niapd = 2/56\nfirst.solicit.delay = false\nlink.lost.grace = 30\n");
                    Await.until("resumed under the new configuration", Duration.ofSeconds(10), () -> first.logText().substring(mark2).contains("wan0: lease resumed"));
                    silentThenRenews(first, capture, "the configuration change");
                } finally {
                    Cmd.ok("kill", "-9", Long.toString(first.pid()));
                    first.close();
                }
                assertTrue(DhcpClientKeaIT.routed(router) && DhcpClientKeaIT.addressed(router), "the kernel keeps route and address across kill -9");
                int rebindsBefore = count(capture.text(), "dhcp6 rebind");

                try (Prefixd second = new Prefixd(router, dir, "embedded")) {
                    Await.until("the kept lease used at once", Duration.ofSeconds(15), () -> second.logText().contains("wan0: lease resumed"));
                    Await.until("a Rebind on the wire", Duration.ofSeconds(5), () -> count(capture.text(), "dhcp6 rebind") > rebindsBefore);
                    assertTrue(second.logText().contains("wan0: rebinding (prefixd started)"), second.logTail());
                    Await.until("the Rebind answered", Duration.ofSeconds(25), () -> second.logText().contains("wan0: lease rebound"));
                    assertEquals(1, count(capture.text(), "dhcp6 solicit"), "only the first start solicited:\n" + capture.text());
                    assertTrue(DhcpClientKeaIT.routed(router) && DhcpClientKeaIT.addressed(router), "route or address lost");
                    assertEquals("BOUND", second.status().getJsonArray("sessions").getJsonObject(0).getString("state"));
                }
            }
        }
    }

    /** Nothing was sent since the lease was resumed: a Renew asked for now is the next message on the wire. */
    private static void silentThenRenews(Prefixd prefixd, Capture capture, String what) {
        String before = capture.text();
        int renewed = count(prefixd.logText(), "wan0: lease renewed");
        Cmd.Result renew = prefixd.cli("renew", "wan0");
        assertEquals(0, renew.exit(), renew.err());
        assertFalse(renew.out().contains("busy"), what + " started an exchange: " + renew.out());
        Await.until("the Renew after " + what, Duration.ofSeconds(5), () -> count(capture.text(), "dhcp6 renew") > count(before, "dhcp6 renew"));
        String since = capture.text().substring(before.length());
        String first = since.lines().filter(l -> l.contains(" > ff02::1:2.547")).findFirst().orElse("");
        assertTrue(first.contains("dhcp6 renew"), what + ": the first message after it was not the Renew asked for:\n" + since);
        Await.until("the Renew answered", Duration.ofSeconds(5), () -> count(prefixd.logText(), "wan0: lease renewed") > renewed);
    }

    static int count(String text, String what) {
        return (int) text.lines().filter(l -> l.contains(what)).count();
    }
}
