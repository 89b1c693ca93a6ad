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
 * Hostile input on a LAN, with the rate limits set out of the way so that the tables' bounds are
 * what holds: on lan1, Kea's perfdhcp -6 runs 4-way exchanges for 50 000 DUIDs at 3000 a second
 * while {@link LanJunk} sends random bytes, Solicits that lie about their lengths and Rapid-Commit
 * IA_PD Solicits from new DUIDs. prefixd (embedded profile: a 20 MB heap) binds at most 4096
 * leases, delegates what the prefix holds, keeps its lease file under the reader's limit and its
 * log within ten warnings a minute, while a dhcpcd host on lan0 and the WAN lease go on renewing
 * (no Solicit after the first). prefixd's heap after the flood (after a full GC) and its CPU time are printed.
 */
class LanFloodIT {
    private static final int SECONDS = 10;

    @Test
    void aSolicitAndJunkFloodIsBoundedAndLeavesTheOtherLanAndTheWanAlone() throws Exception {
        Assumptions.assumeTrue(Cmd.isRoot(), "needs root: creates network namespaces");
        Namespace[] lab = DhcpClientKeaIT.lab();
        Namespace isp = lab[0], router = lab[1];
        try (isp; router; Namespace host = new Namespace("pfx-host"); Namespace flooder = new Namespace("pfx-fl")) {
            router.sysctl("net.ipv6.conf.all.forwarding", "1");
            router.lanTo(host, "lan0");
            router.lanTo(flooder, "lan1");
            flooder.sysctl("net.ipv6.conf.eth0.accept_ra", "0"); // perfdhcp sends from the first address: the link-local one, as a LAN client does
            Path dir = Prefixd.newDirectory("lanflood");
            try (KeaServer kea = new KeaServer(isp, dir.resolve("kea"), 2, 3, 12, 30); Prefixd prefixd = new Prefixd(router, dir, "embedded")) {
                prefixd.config("prefixd.link-wan.cfg", "interface = wan0\nmode = ethernet\n");
                prefixd.config("prefixd.dhcp6-wan.cfg", "link = wan0\niana = 1\niapd = 2/56\nfirst.solicit.delay = false\n");
                prefixd.config("prefixd.lan-lan0.cfg", "lan = lan0\ndhcpv6 = stateful\n");
                prefixd.config("prefixd.lan-lan1.cfg", "lan = lan1\ndhcpv6 = stateful\ndhcpv6.assign = by-duid\ndelegate = 62\n"
                        + "dhcpv6.rate.per.source = 100000\ndhcpv6.rate.per.lan = 100000\n");
                Await.until("both LANs' subnets", Duration.ofSeconds(20), () -> router.ip("-6", "addr").contains("2001:db8:100::1/64")
                        && router.ip("-6", "addr").contains("2001:db8:100:1::1/64"));
                try (LanClientProcess dhcpcd = LanClientProcess.dhcpcd(host, dir.resolve("host"), "ia_na 1", "eth0")) {
                    Await.until("the lan0 host bound", Duration.ofSeconds(20), () -> dhcpcd.log().contains("REPLY6 received"), dhcpcd::log);
                    int hostRenewals = count(dhcpcd.log(), "REPLY6 received");
                    int wanRenewals = count(prefixd.logText(), "wan0: lease renewed");
                    long logLines = prefixd.logText().lines().count();
                    long cpuBefore = FloodIT.cpuTicks(prefixd.pid());
                    long started = System.nanoTime();
                    Process perfdhcp = new ProcessBuilder("ip", "netns", "exec", flooder.name, "perfdhcp", "-6", "-l", "eth0", "-r", "3000", "-R", "50000",
                            "-p", Integer.toString(SECONDS)).redirectErrorStream(true).redirectOutput(dir.resolve("perfdhcp.txt").toFile()).start();
                    Process junk = new ProcessBuilder("ip", "netns", "exec", flooder.name, Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                            "-cp", Path.of("target/test-classes").toAbsolutePath().toString(), LanJunk.class.getName(), "eth0", "1000", Integer.toString(SECONDS))
                            .redirectErrorStream(true).redirectOutput(dir.resolve("junk.txt").toFile()).start();
                    assertTrue(perfdhcp.waitFor(SECONDS + 30, TimeUnit.SECONDS), "perfdhcp did not finish");
                    assertTrue(junk.waitFor(SECONDS + 30, TimeUnit.SECONDS), "the junk sender did not finish");
                    double elapsed = (System.nanoTime() - started) / 1e9;
                    long cpu = FloodIT.cpuTicks(prefixd.pid()) - cpuBefore;
                    String perf = TextFile.read(dir.resolve("perfdhcp.txt"));
                    assertEquals(0, junk.exitValue(), TextFile.read(dir.resolve("junk.txt")));
                    assertTrue(perf.contains("sent packets"), perf);

                    // Bounded: the lease table, the delegations, the file; prefixd alive in its 20 MB heap.
                    // any write holds at most the bound: the first with leases and delegations will do
                    Await.until("the lease file written with leases and delegations", Duration.ofSeconds(5), () -> {
                        String text = TextFile.read(prefixd.state.resolve("lan-leases-lan1.json"));
                        return text.contains("\"interfaceId\"") && text.contains("\"index\"");
                    });
                    Path file = prefixd.state.resolve("lan-leases-lan1.json");
                    String leases = Files.readString(file);
                    int bound = count(leases, "\"interfaceId\"");
                    int delegated = count(leases, "\"index\"");
                    assertTrue(bound > 0 && bound <= 4096, "leases bound: " + bound);
                    assertTrue(delegated > 0 && delegated <= 63, "delegations (63 /62s of the /56 beside the LANs' subnet 0): " + delegated);
                    assertTrue(Files.size(file) < 2 * 1024 * 1024, "the lease file stays under the reader's limit: " + Files.size(file));
                    assertTrue(prefixd.isAlive(), prefixd.logTail());
                    Cmd.run(List.of("jcmd", Long.toString(prefixd.pid()), "GC.run")); // what it keeps, not what it has not collected yet
                    String heap = Cmd.run(List.of("jcmd", Long.toString(prefixd.pid()), "GC.heap_info")).out();

                    List<String> during = prefixd.logText().lines().skip(logLines).toList();
                    long warnings = during.stream().filter(l -> l.contains(" WARN ")).count();
                    long minutes = (long) Math.ceil(elapsed / 60) + 1;
                    assertTrue(warnings <= 11 * minutes, "warnings beyond ten a minute: " + warnings + "\n" + String.join("\n", during.subList(0, Math.min(50, during.size()))));
                    assertTrue(during.stream().anyMatch(l -> l.contains(" WARN ") && l.contains("lan1: DHCPv6 server dropped ")),
                            "the junk is logged (within the limit): " + String.join("\n", during.subList(0, Math.min(50, during.size()))));
                    long clientLines = during.stream().filter(l -> l.contains("prefixd.dhcp6.server: lan1:") && l.contains(" INFO ")).count();
                    assertTrue(clientLines <= 61 * minutes, "lan1's client lines beyond sixty a minute: " + clientLines);

                    // The other LAN's host and the WAN went on: renewals every 6 s and 2 s.
                    Await.until("the lan0 host renewed", Duration.ofSeconds(15), () -> count(dhcpcd.log(), "REPLY6 received") > hostRenewals, dhcpcd::log);
                    assertTrue(count(prefixd.logText(), "wan0: lease renewed") >= wanRenewals + SECONDS / 2 - 2, "WAN renewals through the flood");
                    assertEquals(1, count(prefixd.logText(), "wan0: soliciting"), "one Solicit, at the start");
                    System.out.printf("LAN flood: perfdhcp %s; junk %s; %d leases, %d delegations, file %d bytes; prefixd %.1f s CPU in %.1f s; %d log lines, %d warnings; heap: %s%n",
                            perf.lines().filter(l -> l.contains("sent packets") || l.contains("received packets")).toList(),
                            TextFile.read(dir.resolve("junk.txt")).strip(), bound, delegated, Files.size(file), cpu / 100.0, elapsed, during.size(), warnings,
                            String.join("; ", heap.lines().filter(l -> l.contains("used")).map(l -> l.strip().replaceAll("\\s*\\[.*", "")).toList()));
                }
            }
        }
    }

    private static int count(String text, String what) {
        return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
    }
}
