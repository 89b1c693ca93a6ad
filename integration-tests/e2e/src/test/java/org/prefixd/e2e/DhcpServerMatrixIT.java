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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One lease life against each real DHCPv6 server here, in the same order for all four: bind,
 * renew at T1, keep the lease through a WAN flap (Rebind), resume after {@code kill -9} and after
 * {@code update} of the client bundle without a Solicit (tcpdump on the ISP side), Rebind at T2
 * when the server stops answering Renews (nft drops them), recover from a server that lost its
 * state, expire and withdraw when the server is gone. The four run at the same time: dnsmasq's
 * shortest lease is two minutes.
 */
class DhcpServerMatrixIT {
    /** How to run one server, what to configure prefixd with, and what it hands out. */
    private record Isp(String name, Starter starter, Wiper wiper, String clientConfig, boolean address, boolean prefix,
                       int t1, int t2, int valid) {
    }

    @FunctionalInterface
    private interface Starter {
        AutoCloseable start(Namespace isp, Path dir) throws IOException;
    }

    /** Makes the server forget its leases before its next start. */
    @FunctionalInterface
    private interface Wiper {
        void wipe(Path dir) throws IOException;
    }

    private static final List<Isp> SERVERS = List.of(
            new Isp("kea", (isp, dir) -> new KeaServer(isp, dir, 3, 5, 15, 20), dir -> deleteAll(dir, "leases6.csv"),
                    "iana = 1\niapd = 2/56\n", true, true, 3, 5, 20),
            new Isp("dhcpd", (isp, dir) -> DhcpServers.dhcpd(isp, dir, 15, 20), dir -> Files.writeString(dir.resolve("leases"), ""),
                    "iana = 1\niapd = 2/56\n", true, true, 3, 5, 20),
            // dhcp6s keeps its bindings in memory only: a restart is a server that lost its state.
            // It answers from an ephemeral port (see DhcpClientInteropIT).
            // Valid 20 s, as the others: a Rebind lost while the link comes back (prefixd sends it within
            // milliseconds) leaves room for the next, 10 s later, before the lease runs out.
            new Isp("dhcp6s", DhcpServers::dhcp6s, dir -> { }, "duid = 00030001020000000001\niapd = 2/56\naccept.any.source.port = true\n",
                    false, true, 4, 6, 20),
            // dnsmasq has no PD, and two minutes is its shortest lease (T1 1 min, T2 105 s).
            new Isp("dnsmasq", DhcpServers::dnsmasq, dir -> deleteAll(dir, "leases"), "iana = 1\niapd =\n", true, false, 60, 105, 120));

    /**
     * The four lives run at the same time, in threads of this class (not JUnit's parallel mode,
     * which would also run other test classes alongside); each test waits for its own.
     */
    private static final Map<String, CompletableFuture<Void>> LIVES = new ConcurrentHashMap<>();

    @BeforeAll
    static void startAllFour() {
        if (!Cmd.isRoot()) return;
        ExecutorService threads = Executors.newFixedThreadPool(SERVERS.size());
        for (Isp server : SERVERS) LIVES.put(server.name(), CompletableFuture.runAsync(() -> {
            try {
                lifeOfALease(server);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, threads));
        threads.shutdown();
    }

    @AfterAll
    static void waitForAll() {
        for (CompletableFuture<Void> life : LIVES.values()) life.exceptionally(e -> null).join();
    }

    @BeforeEach
    void needsRoot() {
        Assumptions.assumeTrue(Cmd.isRoot(), "needs root: creates network namespaces");
    }

    @Test
    void kea() throws Throwable {
        outcome("kea");
    }

    @Test
    void iscDhcpd() throws Throwable {
        outcome("dhcpd");
    }

    @Test
    void wideDhcp6s() throws Throwable {
        outcome("dhcp6s");
    }

    @Test
    void dnsmasq() throws Throwable {
        outcome("dnsmasq");
    }

    private static void outcome(String name) throws Throwable {
        try {
            LIVES.get(name).get(10, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null ? c.getCause() : e.getCause();
            throw cause;
        }
    }

    private static void lifeOfALease(Isp server) throws Exception {
        Namespace[] lab = DhcpClientKeaIT.lab();
        try (Namespace isp = lab[0]; Namespace router = lab[1]) {
            Path dir = Prefixd.newDirectory("matrix-" + server.name());
            Path serverDir = dir.resolve(server.name());
            Duration t1 = Duration.ofSeconds(server.t1() + 5), t2 = Duration.ofSeconds(server.t2() + 12);
            AutoCloseable running = server.starter().start(isp, serverDir);
            try {
                Prefixd first = new Prefixd(router, dir, "console", true);
                try {
                    first.config("prefixd.link-wan.cfg", "interface = wan0\nmode = ethernet\ndebounce = 0.5\n");
                    first.config("prefixd.dhcp6-wan.cfg", "link = wan0\n" + server.clientConfig()
                            + "first.solicit.delay = false\nlink.lost.grace = 10\n");
                    Await.until(server.name() + ": bound, in the kernel", Duration.ofSeconds(15), () -> configured(router, server));

                    Await.until(server.name() + ": a Renew at T1 answered", t1, () -> first.logText().contains("wan0: lease renewed"));

                    int mark = first.logText().length();
                    isp.ip("link", "set", "isp0", "down");
                    Await.until(server.name() + ": the session paused", Duration.ofSeconds(5), () -> first.logText().contains("wan0: DHCPv6 session paused"));
                    isp.ip("link", "set", "isp0", "up");
                    // REB_TIMEOUT is 10 s: a first Rebind lost while the link comes up costs one timeout.
                    Await.until(server.name() + ": a Rebind answered after the flap", Duration.ofSeconds(25),
                            () -> first.logText().substring(mark).contains("wan0: lease rebound"));
                    assertFalse(first.logText().substring(mark).contains("wan0: soliciting"), server.name() + ": the flap cost a Solicit");
                    assertTrue(configured(router, server), server.name() + ": the flap withdrew the lease from the kernel");
                } finally {
                    try (Capture capture = new Capture(isp, dir.resolve("resume.pcap.txt"))) {
                        Cmd.ok("kill", "-9", Long.toString(first.pid()));
                        first.close();
                        try (Prefixd second = new Prefixd(router, dir, "console", true)) {
                            Await.until(server.name() + ": resumed after kill -9", Duration.ofSeconds(15), () -> second.logText().contains("wan0: lease resumed"));
                            int mark = second.logText().length();
                            second.shell("update " + ConsoleProfileIT.bundleId(second, "prefixd.dhcp6.client"));
                            Await.until(server.name() + ": resumed after the bundle update", Duration.ofSeconds(15),
                                    () -> second.logText().substring(mark).contains("wan0: lease resumed"));
                            assertTrue(configured(router, server), server.name() + ": kill -9 or the update withdrew the lease");
                            assertFalse(capture.text().contains("dhcp6 solicit"), server.name() + ": a Solicit after kill -9 or update:\n" + capture.text());
                            assertFalse(second.logText().contains("wan0: soliciting"), server.name() + ": resuming cost a Solicit");

                            rebindsWhenRenewsGoUnanswered(server, isp, router, second, t2);

                            running = restartedWithoutState(server, isp, serverDir, running);
                            int lost = second.logText().length();
                            // A server that lost its state may also have lost its DUID (dnsmasq keeps it in
                            // its lease file): it ignores Renews addressed to the old one, and the Rebind at T2 recovers.
                            Await.until(server.name() + ": the lease kept or regained from the server that lost its state", t2.plus(t1), () -> {
                                String since = second.logText().substring(lost);
                                return since.contains("wan0: lease renewed") || since.contains("wan0: lease bound") || since.contains("wan0: lease rebound");
                            });
                            String since = second.logText().substring(lost);
                            System.out.printf("%s after losing its state: %s%n", server.name(),
                                    since.contains("has no binding") ? "NoBinding, then a Request" : since.contains("wan0: lease bound") ? "a new binding"
                                            : since.contains("wan0: lease rebound") ? "Renews unanswered (new server DUID), a Rebind at T2"
                                            : "it renewed the binding it had lost");
                            assertTrue(configured(router, server), server.name() + ": the lease is gone from the kernel after the server lost its state");
                            assertEquals("BOUND", second.status().getJsonArray("sessions").getJsonObject(0).getString("state"));

                            running.close();
                            Await.until(server.name() + ": the lease expired with the server gone", Duration.ofSeconds(server.valid() + 15),
                                    () -> second.logText().substring(lost).contains("wan0: lease expired"));
                            Await.until(server.name() + ": withdrawn from the kernel", Duration.ofSeconds(3), () -> withdrawn(router, server));
                        }
                    }
                }
            } finally {
                running.close();
            }
        }
    }

    /** nft in the ISP namespace drops Renew (type 5) on the way in: the server no longer answers them, Rebinds still pass. */
    private static void rebindsWhenRenewsGoUnanswered(Isp server, Namespace isp, Namespace router, Prefixd prefixd, Duration t2) {
        int mark = prefixd.logText().length();
        Cmd.ok("ip", "netns", "exec", isp.name, "nft", "add table inet isp; add chain inet isp input { type filter hook input priority 0; }; "
                + "add rule inet isp input udp dport 547 @th,64,8 5 counter drop");
        try {
            Await.until(server.name() + ": a Rebind at T2 answered while Renews are dropped", t2,
                    () -> prefixd.logText().substring(mark).contains("wan0: lease rebound"));
            assertTrue(Cmd.ok("ip", "netns", "exec", isp.name, "nft", "list", "table", "inet", "isp").matches("(?s).*counter packets [1-9].*"),
                    server.name() + ": no Renew was dropped before the Rebind");
            assertTrue(configured(router, server), server.name() + ": the lease left the kernel while rebinding");
        } finally {
            Cmd.ok("ip", "netns", "exec", isp.name, "nft", "delete", "table", "inet", "isp");
        }
    }

    private static AutoCloseable restartedWithoutState(Isp server, Namespace isp, Path dir, AutoCloseable running) throws Exception {
        running.close();
        server.wiper().wipe(dir);
        return server.starter().start(isp, dir);
    }

    private static boolean configured(Namespace router, Isp server) {
        return (!server.address() || router.ip("-6", "addr", "show", "dev", "wan0").contains("inet6 2001:db8:ffff::"))
                && (!server.prefix() || router.ip("-6", "route", "show").contains("unreachable 2001:db8:"));
    }

    private static boolean withdrawn(Namespace router, Isp server) {
        return !router.ip("-6", "addr", "show", "dev", "wan0").contains("inet6 2001:db8:ffff::")
                && !router.ip("-6", "route", "show").contains("unreachable 2001:db8:");
    }

    private static void deleteAll(Path dir, String prefix) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) Files.delete(p);
        }
    }
}
