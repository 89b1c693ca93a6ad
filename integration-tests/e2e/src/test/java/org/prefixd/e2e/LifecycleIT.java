package org.prefixd.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Starting and stopping the real runtime: control socket, status text, SIGTERM. */
class LifecycleIT {
    @BeforeEach
    void needsRoot() {
        Assumptions.assumeTrue(Cmd.isRoot(), "needs root: creates network namespaces");
    }

    @Test
    void sigtermDeactivatesEveryComponentAndExitsWithZeroWithinFiveSeconds() throws Exception {
        try (Namespace ns = new Namespace("pfx-life"); Prefixd prefixd = new Prefixd(ns, "term", "embedded")) {
            ns.veth("wan0", "wan0p");
            prefixd.config("prefixd.link-wan0.cfg", "interface = wan0\nmode = ethernet\n");
            prefixd.awaitState("wan0", "UP", Duration.ofSeconds(5));
            assertTrue(Files.exists(prefixd.run.resolve("control.sock")));
            long started = System.nanoTime();
            int exit = prefixd.terminate(Duration.ofSeconds(5));
            System.out.printf("SIGTERM to exit: %d ms%n", (System.nanoTime() - started) / 1_000_000);
            assertEquals(0, exit, prefixd.logTail());
            assertTrue(prefixd.logText().contains("SIGTERM: stopping"));
            assertFalse(Files.exists(prefixd.run.resolve("control.sock")), "the control socket component was not deactivated");
        }
    }

    @Test
    void statusPrintsTextForPeopleAndAControlSocketOnlyRootCanUse() throws Exception {
        try (Namespace ns = new Namespace("pfx-life"); Prefixd prefixd = new Prefixd(ns, "text", "embedded")) {
            ns.veth("wan0", "wan0p");
            prefixd.config("prefixd.link-wan0.cfg", "interface = wan0\nmode = ethernet\n");
            prefixd.awaitState("wan0", "UP", Duration.ofSeconds(5));
            Cmd.Result text = prefixd.cli("status");
            assertEquals(0, text.exit(), text.err());
            assertTrue(text.out().startsWith("link wan0"), text.out());
            assertTrue(text.out().contains("local fe80::"), text.out());
            String mode = Cmd.ok("stat", "-c", "%a", prefixd.run.resolve("control.sock").toString()).trim();
            assertEquals("600", mode);
            assertEquals("600", Cmd.ok("stat", "-c", "%a", prefixd.run.resolve("pppd.sock").toString()).trim());
        }
    }

    @Test
    void aRestartedPrefixdFindsThePppdLinkAndItsSessionAgain() throws Exception {
        try (Namespace ns = new Namespace("pfx-life")) {
            ns.veth("ppp0", "ppp0p");
            ns.ip("addr", "add", "fe80::1", "peer", "fe80::2", "dev", "ppp0", "nodad");
            Process pppd = new ProcessBuilder("sleep", "600").start(); // stands in for the pppd process
            try {
                java.nio.file.Path dir;
                try (Prefixd first = new Prefixd(ns, "restart", "embedded")) {
                    dir = first.dir;
                    first.config("prefixd.link-ppp0.cfg", "interface = ppp0\nmode = pppd\n");
                    first.awaitState("ppp0", "UP", Duration.ofSeconds(5));
                    java.nio.file.Path hook = Prefixd.ROOT.resolve("runtime/ppp/prefixd-pppd-hook");
                    java.nio.file.Path up = Files.createDirectories(dir.resolve("ipv6-up.d")).resolve("prefixd");
                    Files.copy(hook, up);
                    Cmd.run(java.util.List.of("sh", up.toString(), "ppp0", "/dev/ttyS0", "9600", "fe80::1", "fe80::2"),
                            java.util.Map.of("PREFIXD_RUN_DIR", first.run.toString(), "PPPD_PID", Long.toString(pppd.pid())), null);
                    Await.until("the pppd session", Duration.ofSeconds(3), () -> first.link("ppp0").map(l -> l.containsKey("pppd")).orElse(false));
                    assertEquals(0, first.terminate(Duration.ofSeconds(5)));
                }
                try (Prefixd second = new Prefixd(ns, dir, "embedded")) {
                    second.awaitState("ppp0", "UP", Duration.ofSeconds(5));
                    var link = second.link("ppp0").orElseThrow();
                    assertEquals(pppd.pid(), link.getJsonObject("pppd").getJsonNumber("pid").longValue(), link.toString());
                    assertEquals("/dev/ttyS0", link.getJsonObject("pppd").getString("tty"));
                    assertFalse(second.logText().contains("ppp0 changed"), "registered twice:\n" + second.logText());
                }
            } finally {
                pppd.destroyForcibly();
            }
        }
    }

    @Test
    void theCommandLineSaysClearlyWhenPrefixdIsNotRunning() throws Exception {
        Cmd.Result r = Cmd.run(java.util.List.of(Prefixd.LAUNCHER.toString(), "status", "--run", "/nonexistent/prefixd"));
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("prefixd is not running"), r.err());
    }
}
