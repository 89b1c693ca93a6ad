package org.prefixd.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The embedded runtime in a network namespace with veth WAN links, watched through
 * {@code prefixd status --json}. Each test uses its own links, so the tests do not depend on
 * each other's order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinkWatcherIT {
    private Namespace ns;
    private Prefixd prefixd;

    @BeforeAll
    void start() throws IOException {
        Assumptions.assumeTrue(Cmd.isRoot(), "needs root: creates network namespaces");
        ns = new Namespace("pfx-e2e");
        prefixd = new Prefixd(ns, "links", "embedded");
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (prefixd != null) prefixd.close();
        if (ns != null) ns.close();
    }

    private void ethernetLink(String name, double debounce) throws IOException {
        ns.veth(name, name + "p");
        prefixd.config("prefixd.link-" + name + ".cfg", "interface = " + name + "\nmode = ethernet\ndebounce = " + debounce + "\n");
    }

    @Test
    void aLinkWithCarrierAndALinkLocalComesUp() throws IOException {
        ethernetLink("up0", 1);
        String local = ns.linkLocal("up0");
        prefixd.awaitState("up0", "UP", Duration.ofSeconds(5));
        JsonObject link = prefixd.link("up0").orElseThrow();
        assertEquals(local, link.getString("local"));
        assertEquals("ethernet", link.getString("mode"));
        assertTrue(link.getInt("ifindex") > 0);
    }

    @Test
    void carrierLossIsNoticedWithinASecondAndWithdrawsAfterTheDebounce() throws IOException {
        ethernetLink("car0", 1.5);
        prefixd.awaitState("car0", "UP", Duration.ofSeconds(5));
        ns.ip("link", "set", "car0p", "down");
        Duration noticed = prefixd.awaitState("car0", "GOING_DOWN", Duration.ofSeconds(1));
        Duration withdrawn = prefixd.awaitState("car0", "DOWN", Duration.ofSeconds(5));
        System.out.printf("carrier loss noticed after %d ms, withdrawn %d ms later%n", noticed.toMillis(), withdrawn.toMillis());
        assertEquals("no carrier", prefixd.link("car0").orElseThrow().getString("reason"));
        assertTrue(withdrawn.toMillis() >= 1000, "withdrawn after " + withdrawn.toMillis() + " ms, before the 1.5 s debounce");
        ns.ip("link", "set", "car0p", "up");
        prefixd.awaitState("car0", "UP", Duration.ofSeconds(5));
    }

    @Test
    void aFlapShorterThanTheDebounceChangesNothing() throws IOException {
        ethernetLink("flap0", 3);
        prefixd.awaitState("flap0", "UP", Duration.ofSeconds(5));
        String since = prefixd.link("flap0").orElseThrow().getString("since");
        ns.ip("link", "set", "flap0p", "down");
        prefixd.awaitState("flap0", "GOING_DOWN", Duration.ofSeconds(1));
        ns.ip("link", "set", "flap0p", "up");
        prefixd.awaitState("flap0", "UP", Duration.ofSeconds(2));
        assertEquals(since, prefixd.link("flap0").orElseThrow().getString("since"), "a flap restarted the link");
        assertFalse(prefixd.logText().contains("flap0 is down"), "the flap withdrew the link");
    }

    @Test
    void removingTheLinkLocalOrTheInterfaceTakesTheLinkDown() throws IOException {
        ethernetLink("ll0", 0.5);
        String local = ns.linkLocal("ll0");
        prefixd.awaitState("ll0", "UP", Duration.ofSeconds(5));
        ns.ip("addr", "del", local + "/64", "dev", "ll0");
        prefixd.awaitState("ll0", "GOING_DOWN", Duration.ofSeconds(1));
        prefixd.awaitState("ll0", "DOWN", Duration.ofSeconds(3));
        assertEquals("no link-local address", prefixd.link("ll0").orElseThrow().getString("reason"));
        ns.ip("link", "del", "ll0");
        Await.until("ll0 reported as gone", Duration.ofSeconds(1),
                () -> prefixd.link("ll0").orElseThrow().getString("reason").equals("interface does not exist"));
    }

    @Test
    void aTentativeLinkLocalIsNotUsable() throws IOException {
        ns.veth("dad0", "dad0p");
        ns.ip("link", "set", "dad0", "down");
        ns.sysctl("net.ipv6.conf.dad0.accept_dad", "1");
        ns.sysctl("net.ipv6.conf.dad0.dad_transmits", "5"); // about 5 s of DAD
        prefixd.config("prefixd.link-dad0.cfg", "interface = dad0\nmode = ethernet\n");
        prefixd.awaitState("dad0", "DOWN", Duration.ofSeconds(5));
        ns.ip("link", "set", "dad0", "up");
        Await.until("dad0 reported tentative", Duration.ofSeconds(2),
                () -> prefixd.link("dad0").orElseThrow().getString("reason").contains("tentative"));
        prefixd.awaitState("dad0", "UP", Duration.ofSeconds(10));
    }

    @Test
    void addingAndDeletingAConfigFileAddsAndRemovesALinkLive() throws IOException {
        ethernetLink("cfg0", 1);
        Duration applied = prefixd.awaitState("cfg0", "UP", Duration.ofSeconds(2));
        System.out.printf("a new config file was applied in %d ms%n", applied.toMillis());
        Files.delete(prefixd.configs.resolve("prefixd.link-cfg0.cfg"));
        prefixd.awaitState("cfg0", "ABSENT", Duration.ofSeconds(2));
    }

    @Test
    void changingTheDebounceDoesNotFlapTheLink() throws IOException {
        ethernetLink("deb0", 1);
        prefixd.awaitState("deb0", "UP", Duration.ofSeconds(5));
        String since = prefixd.link("deb0").orElseThrow().getString("since");
        prefixd.config("prefixd.link-deb0.cfg", "interface = deb0\nmode = ethernet\ndebounce = 4\n");
        Await.until("the new debounce applied", Duration.ofSeconds(2), () -> prefixd.logText().contains("deb0: debounce is now 4000 ms"));
        assertEquals("UP", prefixd.state("deb0"));
        assertEquals(since, prefixd.link("deb0").orElseThrow().getString("since"));
    }

    @Test
    void aBrokenConfigFileIsReportedByNameAndLineAndChangesNothing() throws IOException {
        ethernetLink("bad0", 1);
        prefixd.awaitState("bad0", "UP", Duration.ofSeconds(5));
        prefixd.config("prefixd.link-bad0.cfg", "interface = bad0\nmode = ethernet\ndebounce = soon\n");
        Cmd.Result reload = prefixd.cli("reload");
        assertEquals(0, reload.exit(), reload.err());
        assertTrue(reload.out().contains("prefixd.link-bad0.cfg:3:"), reload.out());
        assertEquals("UP", prefixd.state("bad0"));
        assertTrue(prefixd.logText().contains("prefixd.link-bad0.cfg:3:"), "the log names the file and line");
        prefixd.config("prefixd.link-bad0.cfg", "interface = bad0\nmode = ethernet\ndebounce = 2\n");
        assertEquals("reloaded\n", prefixd.cli("reload").out());
    }

    @Test
    void sighupRescansTheConfigurationAtOnce() throws IOException {
        ns.veth("hup0", "hup0p");
        prefixd.config("prefixd.link-hup0.cfg", "interface = hup0\nmode = ethernet\n");
        prefixd.awaitState("hup0", "UP", Duration.ofSeconds(5));
        Cmd.ok("kill", "-HUP", Long.toString(prefixd.pid()));
        Await.until("the SIGHUP log line", Duration.ofSeconds(2), () -> prefixd.logText().contains("SIGHUP: configuration rescanned"));
        assertTrue(prefixd.isAlive(), "SIGHUP killed prefixd");
        assertEquals("UP", prefixd.state("hup0"));
    }

    @Test
    void pppdScriptsHandPppdsArgumentsAndTheDeathOfPppdTakesTheLinkDown() throws Exception {
        ns.veth("ppp9", "ppp9p");
        ns.ip("addr", "add", "fe80::1", "peer", "fe80::2", "dev", "ppp9", "nodad");
        prefixd.config("prefixd.link-ppp9.cfg", "interface = ppp9\nmode = pppd\ndebounce = 1\n");
        Path pppDir = prefixd.dir.resolve("etc-ppp");
        Cmd.Result install = Cmd.run(List.of(Prefixd.LAUNCHER.toString(), "install-pppd-scripts", "--ppp-dir", pppDir.toString(), "--run", prefixd.run.toString()));
        assertEquals(0, install.exit(), install.err());
        Process pppd = new ProcessBuilder("sleep", "600").start(); // stands in for the pppd process
        try {
            Map<String, String> env = Map.of("PPPD_PID", Long.toString(pppd.pid()), "IFNAME", "ppp9", "LLLOCAL", "fe80::1", "LLREMOTE", "fe80::2");
            long started = System.nanoTime();
            Cmd.Result up = Cmd.run(List.of(pppDir.resolve("ipv6-up.d/prefixd").toString(), "ppp9", "/dev/ttyS1", "115200", "fe80::1", "fe80::2", "isp-a"), env, null);
            assertEquals(0, up.exit(), up.err());
            System.out.printf("ipv6-up script ran in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            Await.until("the pppd session in the status", Duration.ofSeconds(3),
                    () -> prefixd.link("ppp9").map(l -> l.containsKey("pppd") && l.getJsonObject("pppd").getInt("pid") == pppd.pid()).orElse(false));
            JsonObject link = prefixd.link("ppp9").orElseThrow();
            assertEquals("UP", link.getString("state"));
            assertEquals("fe80::1", link.getString("local"));
            assertEquals("fe80::2", link.getString("peer"));
            assertEquals("/dev/ttyS1", link.getJsonObject("pppd").getString("tty"));
            assertEquals("isp-a", link.getJsonObject("pppd").getString("ipparam"));
            assertEquals(115200, link.getJsonObject("pppd").getInt("speed"));

            pppd.destroyForcibly(); // SIGKILL
            Duration noticed = prefixd.awaitState("ppp9", "GOING_DOWN", Duration.ofSeconds(1));
            prefixd.awaitState("ppp9", "DOWN", Duration.ofSeconds(3));
            System.out.printf("pppd SIGKILL noticed after %d ms%n", noticed.toMillis());
            assertTrue(prefixd.link("ppp9").orElseThrow().getString("reason").contains("exited"));
        } finally {
            pppd.destroyForcibly();
        }
    }

    @Test
    void pppdIpv6DownTakesTheLinkDown() throws Exception {
        ns.veth("ppp8", "ppp8p");
        ns.ip("addr", "add", "fe80::8", "peer", "fe80::9", "dev", "ppp8", "nodad");
        prefixd.config("prefixd.link-ppp8.cfg", "interface = ppp8\nmode = pppd\ndebounce = 0.5\n");
        Process pppd = new ProcessBuilder("sleep", "600").start();
        try {
            Path hook = Prefixd.ROOT.resolve("runtime/ppp/prefixd-pppd-hook");
            Path pppDir = Files.createDirectories(prefixd.dir.resolve("ppp8/ipv6-up.d"));
            Path down = Files.createDirectories(prefixd.dir.resolve("ppp8/ipv6-down.d"));
            Files.copy(hook, pppDir.resolve("prefixd"));
            Files.copy(hook, down.resolve("prefixd"));
            // Debian's /etc/ppp/ipv6-up runs the .d scripts with no arguments and PPP_* variables.
            Map<String, String> env = Map.of("PREFIXD_RUN_DIR", prefixd.run.toString(), "PPPD_PID", Long.toString(pppd.pid()),
                    "PPP_IFACE", "ppp8", "PPP_TTY", "", "PPP_SPEED", "0", "PPP_LOCAL", "fe80::8", "PPP_REMOTE", "fe80::9", "PPP_IPPARAM", "");
            assertEquals(0, Cmd.run(List.of("sh", pppDir.resolve("prefixd").toString()), env, null).exit());
            Await.until("the pppd session of ppp8", Duration.ofSeconds(3),
                    () -> prefixd.link("ppp8").map(l -> l.containsKey("pppd")).orElse(false));
            assertEquals(0, Cmd.run(List.of("sh", down.resolve("prefixd").toString()), env, null).exit());
            prefixd.awaitState("ppp8", "DOWN", Duration.ofSeconds(3));
            assertEquals("pppd ipv6-down", prefixd.link("ppp8").orElseThrow().getString("reason"));
        } finally {
            pppd.destroyForcibly();
        }
    }

    @Test
    void badInputOnThePppdSocketIsLoggedAndIgnored() throws IOException {
        ns.veth("ppp7", "ppp7p");
        prefixd.config("prefixd.link-ppp7.cfg", "interface = ppp7\nmode = pppd\n");
        prefixd.awaitState("ppp7", "UP", Duration.ofSeconds(5));
        String since = prefixd.link("ppp7").orElseThrow().getString("since");
        String socket = "UNIX-CONNECT:" + prefixd.run.resolve("pppd.sock");
        List<String> hostile = List.of(
                "prefixd-pppd 1\nipv6-down\narg:ppp7\narg:\narg:0\narg:fe80::1\n",                                      // 4 arguments
                "prefixd-pppd 1\nipv6-down\narg:ppp7\narg:\narg:0\narg:2001:db8::1\narg:fe80::2\nenv:PPPD_PID=1234\n",   // not link-local
                "prefixd-pppd 1\nipv6-down\narg:ppp7;reboot\narg:\narg:0\narg:fe80::1\narg:fe80::2\nenv:PPPD_PID=1234\n", // hostile name
                "prefixd-pppd 1\nipv6-down\n" + "arg:" + "x".repeat(5000) + "\n");                                        // oversized
        for (String message : hostile) Cmd.run(List.of("socat", "-t", "2", "-", socket), Map.of(), message);
        Await.until("four rejections in the log", Duration.ofSeconds(3), () -> prefixd.logText().split("ignored a pppd hook message").length >= 5);
        assertTrue(prefixd.logText().contains("5 or 6 arguments"));
        assertTrue(prefixd.logText().contains("is not an IPv6 link-local address"));
        assertTrue(prefixd.logText().contains("larger than 4096"));
        assertEquals("UP", prefixd.state("ppp7"));
        assertEquals(since, prefixd.link("ppp7").orElseThrow().getString("since"));
    }

    @Test
    void thePppdScriptExitsAtOnceWhenPrefixdIsNotListening() throws IOException {
        Path run = Files.createDirectories(Prefixd.shortRunDirectory(prefixd.dir.resolve("norun")));
        // A socket file nobody listens on: what a crashed prefixd leaves behind.
        Files.deleteIfExists(run.resolve("pppd.sock"));
        try (var stale = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            stale.bind(java.net.UnixDomainSocketAddress.of(run.resolve("pppd.sock"))); // closing leaves the file
        }
        Path hook = Prefixd.ROOT.resolve("runtime/ppp/prefixd-pppd-hook");
        Path dir = Files.createDirectories(run.resolve("ipv6-up.d"));
        Files.copy(hook, dir.resolve("prefixd"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        long started = System.nanoTime();
        Cmd.Result r = Cmd.run(List.of("sh", dir.resolve("prefixd").toString(), "ppp0", "", "0", "fe80::1", "fe80::2"),
                Map.of("PREFIXD_RUN_DIR", run.toString(), "PPPD_PID", "1"), null);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(0, r.exit());
        assertTrue(millis < 1000, "the script took " + millis + " ms");
    }
}
