package org.prefixd.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A hostile or broken server floods the router's DHCPv6 client with 10 000 packets a second
 * ({@link Flooder}: garbage, Replies with foreign transaction ids, Kea's own Replies replayed)
 * while Kea renews the lease every 2 s: the lease is kept, the log stays within its limit of
 * ten warnings a minute, and prefixd's CPU time over the flood is printed (a figure, not a
 * check: these machines are shared). {@code -Dprefixd.flood.seconds=60} for the full run.
 */
class FloodIT {
    private static final int PPS = 10_000;

    @Test
    void aFloodOfGarbageForeignAndReplayedRepliesCostsNeitherTheLeaseNorTheLog() throws Exception {
        Assumptions.assumeTrue(Cmd.isRoot(), "needs root: creates network namespaces");
        int seconds = Integer.getInteger("prefixd.flood.seconds", 20);
        Namespace[] lab = DhcpClientKeaIT.lab();
        Namespace isp = lab[0], router = lab[1];
        try (isp; router) {
            Path dir = Prefixd.newDirectory("flood");
            Path pcap = dir.resolve("replies.pcap");
            Process tcpdump = new ProcessBuilder("ip", "netns", "exec", isp.name, "tcpdump", "-i", "isp0", "-U", "-w", pcap.toString(), "udp", "src", "port", "547")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("tcpdump.log").toFile()).start();
            try (KeaServer kea = new KeaServer(isp, dir.resolve("kea"), 2, 3, 40, 60); Prefixd prefixd = new Prefixd(router, dir, "embedded")) {
                Await.until("tcpdump listening", Duration.ofSeconds(5), () -> TextFile.read(dir.resolve("tcpdump.log")).contains("listening on"));
                prefixd.config("prefixd.link-wan.cfg", "interface = wan0\nmode = ethernet\n");
                prefixd.config("prefixd.dhcp6-wan.cfg", "link = wan0\niana = 1\niapd = 2/56\nfirst.solicit.delay = false\n");
                Await.until("bound and renewed once", Duration.ofSeconds(15), () -> renewals(prefixd) >= 1);
                Await.until("Kea's Replies captured", Duration.ofSeconds(5), () -> {
                    try {
                        return Flooder.replies(pcap).size() >= 2;
                    } catch (java.io.IOException e) {
                        return false;
                    }
                });
                tcpdump.destroy();
                tcpdump.waitFor(5, TimeUnit.SECONDS);

                isp.ip("addr", "add", "fe80::f1:d/64", "dev", "isp0", "nodad");
                String client = router.linkLocal("wan0");
                String duid = Files.readString(prefixd.state.resolve("duid")).strip();
                int renewedBefore = renewals(prefixd);
                long logLinesBefore = prefixd.logText().lines().count();
                long cpuBefore = cpuTicks(prefixd.pid());
                long started = System.nanoTime();
                Process flooder = new ProcessBuilder("ip", "netns", "exec", isp.name, Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", Path.of("target/test-classes").toAbsolutePath().toString(), Flooder.class.getName(),
                        "isp0", "fe80::f1:d", client, Integer.toString(PPS), Integer.toString(seconds), duid, pcap.toString())
                        .redirectErrorStream(true).redirectOutput(dir.resolve("flooder.log").toFile()).start();
                assertTrue(flooder.waitFor(seconds + 30, TimeUnit.SECONDS), "the flooder did not finish");
                double elapsed = (System.nanoTime() - started) / 1e9;
                long cpu = cpuTicks(prefixd.pid()) - cpuBefore;
                String flood = TextFile.read(dir.resolve("flooder.log"));
                assertEquals(0, flooder.exitValue(), flood);

                String log = prefixd.logText();
                List<String> during = log.lines().skip(logLinesBefore).toList();
                long warnings = during.stream().filter(l -> l.contains(" WARN ")).count();
                int renewed = renewals(prefixd) - renewedBefore;
                System.out.printf("flood: %s; prefixd used %.1f s of CPU in %.1f s (%.0f%% of one core); %d renewals; %d log lines, %d warnings%n",
                        flood.lines().reduce((a, b) -> b).orElse("?"), cpu / 100.0, elapsed, 100.0 * cpu / 100.0 / elapsed, renewed, during.size(), warnings);
                assertTrue(renewed >= seconds / 2 - 3, "renewals went on through the flood: " + renewed + " in " + seconds + " s");
                long minutes = (long) Math.ceil(elapsed / 60) + 1;
                assertTrue(warnings <= 11 * minutes, "warnings beyond ten a minute: " + warnings + "\n" + String.join("\n", during));
                assertTrue(DhcpClientKeaIT.routed(router) && DhcpClientKeaIT.addressed(router), "the lease left the kernel");
                assertEquals(1, log.split("wan0: soliciting", -1).length - 1, "one Solicit, at the start");
                assertEquals("BOUND", prefixd.status().getJsonArray("sessions").getJsonObject(0).getString("state"));
            } finally {
                tcpdump.destroyForcibly();
            }
        }
    }

    private static int renewals(Prefixd prefixd) {
        return prefixd.logText().split("wan0: lease renewed", -1).length - 1;
    }

    /** utime + stime of a process, in clock ticks (100 a second). */
    static long cpuTicks(long pid) throws java.io.IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
