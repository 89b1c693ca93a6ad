package org.prefixd.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The state directory failing under prefixd: full (a small tmpfs filled up) and read-only
 * (remounted so) while renewals come every 2 s; and damaged files found at start. The lease
 * stays in use, the LAN keeps its prefix, the error is logged once (then at most once a
 * minute), and the file is written when the directory takes it again; a damaged file is set
 * aside, named in the log, and only its part starts afresh.
 */
class StateFaultsIT {
    private static final String LEASE_ERROR = "could not write the lease to ";

    @Test
    void aFullOrReadOnlyStateDirectoryCostsNeitherTheLeaseNorTheLan() throws Exception {
        Assumptions.assumeTrue(Cmd.isRoot(), "needs root: creates network namespaces and mounts a tmpfs");
        Namespace[] lab = DhcpClientKeaIT.lab();
        Namespace isp = lab[0], router = lab[1];
        try (isp; router; Namespace host = new Namespace("pfx-sf-h")) {
            router.lanTo(host, "lan0");
            Path dir = Prefixd.newDirectory("statefull");
            Path state = Files.createDirectories(dir.resolve("state"));
            Cmd.ok("mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "prefixd-e2e-state", state.toString());
            try (KeaServer kea = new KeaServer(isp, dir.resolve("kea"), 2, 3, 40, 60);
                 Prefixd prefixd = new Prefixd(router, dir, "embedded", false, List.of("--cache", Files.createDirectories(dir.resolve("cache")).toString()))) {
                prefixd.config("prefixd.link-wan.cfg", "interface = wan0\nmode = ethernet\n");
                prefixd.config("prefixd.dhcp6-wan.cfg", "link = wan0\niana = 1\niapd = 2/56\nfirst.solicit.delay = false\n");
                prefixd.config("prefixd.lan-lan0.cfg", "lan = lan0\n");
                Path lease = state.resolve("lease-wan0.json");
                Await.until("bound, the LAN's /64 on lan0", Duration.ofSeconds(15), () -> lanAddress(router) && Files.exists(lease));

                Path filler = state.resolve("filler");
                fill(filler);
                int renewed = renewals(prefixd);
                Await.until("three renewals with the directory full", Duration.ofSeconds(15), () -> renewals(prefixd) >= renewed + 3);
                String log = prefixd.logText();
                assertEquals(1, count(log, LEASE_ERROR), "logged once, not at every renewal:\n" + prefixd.logTail());
                assertTrue(log.contains("No space left on device"), prefixd.logTail());
                assertTrue(lanAddress(router) && DhcpClientKeaIT.routed(router) && DhcpClientKeaIT.addressed(router), "the lease or the LAN lost");

                Files.delete(filler);
                String full = Files.readString(lease);
                Await.until("the lease file written again", Duration.ofSeconds(15), () -> !TextFile.read(lease).equals(full));
                // logged right after the write the wait above saw: waited for, not raced (failed once in CI, 2026-12-07)
                Await.until("the log saying the file is up to date again", Duration.ofSeconds(5),
                        () -> prefixd.logText().contains("the lease file " + lease + " is up to date again"), prefixd::logTail);

                Cmd.ok("mount", "-o", "remount,ro", state.toString());
                int renewedRo = renewals(prefixd);
                Await.until("three renewals with the directory read-only", Duration.ofSeconds(15), () -> renewals(prefixd) >= renewedRo + 3);
                assertEquals(2, count(prefixd.logText(), LEASE_ERROR), "a new failure is logged once:\n" + prefixd.logTail());
                assertTrue(prefixd.logText().contains("Read-only file system"), prefixd.logTail());
                assertTrue(lanAddress(router) && DhcpClientKeaIT.routed(router), "the lease or the LAN lost");
                String readOnly = Files.readString(lease);
                Cmd.ok("mount", "-o", "remount,rw", state.toString());
                Await.until("the lease file written once more", Duration.ofSeconds(15), () -> !TextFile.read(lease).equals(readOnly));

                assertEquals(1, count(prefixd.logText(), "wan0: soliciting"), "one Solicit, at the start");
                assertTrue(prefixd.isAlive());
            } finally {
                Cmd.run(List.of("umount", "-l", state.toString()));
            }
        }
    }

    @Test
    void damagedFilesAtStartAreSetAsideAndOnlyTheirPartStartsAfresh() throws Exception {
        Assumptions.assumeTrue(Cmd.isRoot(), "needs root: creates network namespaces");
        Namespace[] lab = DhcpClientKeaIT.lab();
        Namespace isp = lab[0], router = lab[1];
        try (isp; router; Namespace host = new Namespace("pfx-sd-h")) {
            router.lanTo(host, "lan0");
            Path dir = Prefixd.newDirectory("statedamaged");
            try (KeaServer kea = new KeaServer(isp, dir.resolve("kea"), 30, 50, 80, 120)) {
                try (Prefixd first = new Prefixd(router, dir, "embedded")) {
                    first.config("prefixd.link-wan.cfg", "interface = wan0\nmode = ethernet\n");
                    first.config("prefixd.dhcp6-wan.cfg", "link = wan0\niana = 1\niapd = 2/56\nfirst.solicit.delay = false\n");
                    first.config("prefixd.lan-lan0.cfg", "lan = lan0\n");
                    Await.until("bound, the LAN's /64 on lan0", Duration.ofSeconds(15), () -> lanAddress(router));
                    Await.until("the assignments kept", Duration.ofSeconds(5), () -> Files.exists(first.state.resolve("pd-assignments.txt")));
                    assertEquals(0, first.terminate(Duration.ofSeconds(10)));
                }
                Path state = dir.resolve("state");
                String lease = Files.readString(state.resolve("lease-wan0.json"));
                Files.writeString(state.resolve("lease-wan0.json"), lease.substring(0, lease.length() / 2)); // a crash mid-write on a disk without atomic renames
                Files.writeString(state.resolve("duid"), "not a duid\n");
                Files.writeString(state.resolve("pd-assignments.txt"), "\u0000\u0001garbage\n");

                try (Prefixd second = new Prefixd(router, dir, "embedded")) {
                    Await.until("a new lease after a Solicit", Duration.ofSeconds(15), () -> second.logText().contains("wan0: lease bound"));
                    Await.until("the LAN's /64 again", Duration.ofSeconds(10), () -> lanAddress(router));
                    String log = second.logText();
                    for (String file : List.of("duid", "lease-wan0.json", "pd-assignments.txt")) {
                        Path path = state.resolve(file);
                        assertTrue(log.contains(path + " is damaged") || log.contains(path + " are damaged"), "no log line names " + path + ":\n" + log);
                        try (var kept = Files.list(state)) {
                            assertTrue(kept.anyMatch(f -> f.getFileName().toString().startsWith(file + ".damaged-")), file + " not kept aside");
                        }
                    }
                    assertTrue(log.contains("wan0: soliciting (no lease)"), log);
                    assertFalse(second.logText().contains("Exception"), second.logTail());
                }
            }
        }
    }

    private static void fill(Path filler) throws IOException {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) out.write(block);
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left")) throw full;
        }
    }

    private static boolean lanAddress(Namespace router) {
        return router.ip("-6", "addr", "show", "dev", "lan0", "scope", "global").contains("inet6 2001:db8:100:");
    }

    private static int renewals(Prefixd prefixd) {
        return count(prefixd.logText(), "wan0: lease renewed");
    }

    private static int count(String text, String what) {
        return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
    }
}
