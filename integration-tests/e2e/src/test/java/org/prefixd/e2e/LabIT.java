package org.prefixd.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The README's run command, as a router owner without a router would run it. */
class LabIT {
    @Test
    void theLabRunsItsWholeDemonstrationAndCleansUp() throws Exception {
        Assumptions.assumeTrue(Cmd.isRoot(), "needs root: creates network namespaces");
        boolean userExisted = userExists();
        String output = runLab(Prefixd.ROOT, 120);
        assertDemonstration(output, userExisted);
    }

    /**
     * The first command on a fresh clone: run-lab builds prefixd and its packages itself (the
     * path CI's own build never takes), then runs the whole demonstration.
     */
    @Test
    void aFreshCloneRunsTheLabAsItsFirstCommand() throws Exception {
        Assumptions.assumeTrue(Cmd.isRoot(), "needs root: creates network namespaces");
        boolean userExisted = userExists();
        Path clone = Prefixd.newDirectory("fresh-clone").resolve("prefixd");
        try {
            if (Cmd.run(List.of("git", "-C", Prefixd.ROOT.toString(), "rev-parse", "--git-dir")).exit() == 0) {
                Cmd.ok("git", "clone", "--quiet", Prefixd.ROOT.toString(), clone.toString());
            } else { // a checkout without git: the sources without anything built
                Files.createDirectories(clone);
                Cmd.ok("sh", "-c", "tar -C \"$1\" --exclude=./.git --exclude='*/target' --exclude=./target -cf - . | tar -C \"$2\" -xf -",
                        "copy", Prefixd.ROOT.toString(), clone.toString());
            }
            String output = runLab(clone, 900);
            assertTrue(output.contains("== building prefixd and its packages") && output.matches("(?s).*ms  built [^\n]*prefixd_\\S+_amd64\\.deb.*")
                    && output.matches("(?s).*ms  built [^\n]*prefixd-console_\\S+_all\\.deb.*"),
                    "run-lab did not build on the fresh clone:\n" + output);
            assertDemonstration(output, userExisted);
        } finally {
            Cmd.run(List.of("rm", "-rf", clone.getParent().toString()));
        }
    }

    private static String runLab(Path root, int seconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile("run-lab", ".log");
        try {
            Process p = new ProcessBuilder(root.resolve("run-lab").toString(), "--once").redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroy();
                p.waitFor(20, TimeUnit.SECONDS);
                throw new AssertionError("run-lab took longer than " + seconds + " s:\n" + Files.readString(log));
            }
            String output = Files.readString(log);
            assertEquals(0, p.exitValue(), output);
            return output;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static void assertDemonstration(String output, boolean userExisted) {
        assertTrue(output.matches("(?s).*prefixd runs as user prefixd \\(uid \\d+\\), no_new_privs 1, capabilities cap_net_bind_service,cap_net_admin,cap_net_raw.*"),
                "prefixd ran as the unit's user with its capabilities:\n" + output);
        assertTrue(output.contains("Java runtime /tmp/prefixd-lab/root/usr/lib/prefixd/runtime/bin/java"), "prefixd ran on the package's runtime:\n" + output);
        assertTrue(output.contains("pppd pid"), output);
        assertTrue(output.contains("prefix  2001:db8:100::/56"), "the lab got a delegated prefix from Kea:\n" + output);
        assertTrue(output.matches("(?s).*ms  LAN host address: 2001:db8:100:0:[0-9a-f:]+/64.*"), "the LAN host autoconfigured:\n" + output);
        assertTrue(output.contains("radvd (as user prefixd)"), output);
        assertTrue(output.contains("Recursive DNS server     : 2001:db8:ffff::53"), "the RA carried the DNS server:\n" + output);
        assertTrue(output.contains("64 bytes from 2001:db8:100::1"), "the LAN host reached the router:\n" + output);
        assertTrue(output.matches("(?s).*hook \\(as prefixd\\): wan0 bound PREFIXES=2001:db8:100::/56,\\d+,\\d+,class=00000002 RDNSS=2001:db8:ffff::53.*"),
                "the owner's hook ran as prefixd's user with odhcp6c's variables:\n" + output);
        assertTrue(output.contains("(a flap inside the debounce)"), output);
        assertTrue(output.contains("ppp0 is down: pppd process"), output);
        assertTrue(output.contains("prefixd exited with 0"), output);
        String namespaces = Cmd.ok("ip", "netns", "list");
        assertTrue(!namespaces.contains("prefixd-lab"), "the lab left namespaces behind: " + namespaces);
        assertTrue(Cmd.run(List.of("pgrep", "-f", "radvd -n -C /tmp/prefixd-lab")).exit() != 0, "the lab left radvd running");
        assertEquals(userExisted, userExists(), "the lab changed the users of the machine");
    }

    private static boolean userExists() {
        return Cmd.run(List.of("getent", "passwd", "prefixd")).exit() == 0;
    }
}
