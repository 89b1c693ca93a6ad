package org.prefixd.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * runtime/bench/soak --short: renewals, bundle updates, reloads, kill -9 and restarts, WAN flaps
 * and radvd kills against Kea with lifetimes of seconds, while a LAN host pings the router. The
 * script's exit status says whether a goal was violated; its table is the failure message.
 */
class SoakIT {
    @Test
    void theShortSoakMeetsItsGoals() throws Exception {
        Assumptions.assumeTrue(Cmd.isRoot(), "needs root: creates network namespaces");
        Path dir = Prefixd.newDirectory("soak");
        Path output = dir.resolve("soak.out");
        Process p = new ProcessBuilder(List.of(Prefixd.ROOT.resolve("runtime/bench/soak").toString(), "--short",
                "--log-dir", dir.resolve("logs").toString()))
                .redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        long started = System.nanoTime();
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroy(); // SIGTERM: the script stops prefixd and Kea and deletes its namespaces
            p.waitFor(60, TimeUnit.SECONDS);
            throw new AssertionError("the soak took longer than 15 minutes:\n" + Files.readString(output));
        }
        String text = Files.readString(output);
        System.out.printf("soak --short: %d s, exit %d%n%s%n", (System.nanoTime() - started) / 1_000_000_000L, p.exitValue(), text);
        assertTrue(p.exitValue() == 0, "soak --short exited with " + p.exitValue() + ":\n" + text);
        String namespaces = Cmd.ok("ip", "netns", "list");
        assertTrue(!namespaces.contains("soak-"), "the soak left namespaces behind: " + namespaces);
    }
}
