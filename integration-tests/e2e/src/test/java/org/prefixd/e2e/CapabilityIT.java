package org.prefixd.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * prefixd from the package's files, run as its unit runs it but with one of the unit's three
 * capabilities left out (and as nobody, not as a user this test would have to make): at start it
 * says which capability is missing and what that stops; the operation the kernel refuses is
 * logged with the kernel's reason and the capability it needs; prefixd keeps running and answers.
 */
class CapabilityIT {
    private static final Path UNIT = Prefixd.ROOT.resolve("packaging/debian/prefixd.service");
    private static final Path STAGE = Prefixd.ROOT.resolve("packaging/target/deb/prefixd");
    private static final List<String> ALL = List.of("CAP_NET_ADMIN", "CAP_NET_BIND_SERVICE", "CAP_NET_RAW");
    private static final Map<String, String> REFUSAL = Map.of(
            "CAP_NET_BIND_SERVICE", "]:546: Permission denied (prefixd needs CAP_NET_BIND_SERVICE",
            "CAP_NET_ADMIN", "RTNETLINK answers: Operation not permitted (prefixd needs CAP_NET_ADMIN",
            "CAP_NET_RAW", "Operation not permitted\") (radvd needs CAP_NET_RAW");

    @ParameterizedTest
    @ValueSource(strings = {"CAP_NET_BIND_SERVICE", "CAP_NET_ADMIN", "CAP_NET_RAW"})
    void aCapabilityLeftOutIsNamedWithWhatItRefusesAndPrefixdKeepsRunning(String left) throws Exception {
        Assumptions.assumeTrue(Cmd.isRoot(), "needs root: creates network namespaces, changes user and capabilities");
        assertTrue(Files.exists(STAGE.resolve("usr/lib/prefixd/embedded.jar")), "no package tree in " + STAGE + ": build with ./mvnw -B -DskipTests package");
        // Outside the build tree: nobody must be able to reach every file.
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "prefixd-cap-");
        try {
            Cmd.ok("cp", "-R", STAGE.toString(), dir.resolve("root").toString());
            List<String> kept = ALL.stream().filter(c -> !c.equals(left)).toList();
            String unit = Files.readString(UNIT)
                    .replaceFirst("(?m)^User=.*$", "User=nobody").replaceFirst("(?m)^Group=.*$", "Group=nogroup")
                    .replaceFirst("(?m)^AmbientCapabilities=.*$", "AmbientCapabilities=" + String.join(" ", kept))
                    .replaceFirst("(?m)^CapabilityBoundingSet=.*$", "CapabilityBoundingSet=" + String.join(" ", kept));
            Path unitFile = dir.resolve("prefixd.service");
            Files.writeString(unitFile, unit);
            Path configs = Files.createDirectories(dir.resolve("configs"));
            Files.writeString(configs.resolve("prefixd.link-wan.cfg"), "interface = wan0\nmode = ethernet\n");
            Files.writeString(configs.resolve("prefixd.dhcp6-wan.cfg"), "link = wan0\niana = 1\niapd = 2/56\nfirst.solicit.delay = false\n");
            Files.writeString(configs.resolve("prefixd.lan-lan0.cfg"), "lan = lan0\n");
            for (String d : List.of("state", "run")) Cmd.ok("install", "-d", "-o", "nobody", "-g", "nogroup", "-m", "0700", dir.resolve(d).toString());
            Cmd.ok("chmod", "-R", "a+rX", dir.toString());

            Namespace[] lab = DhcpClientKeaIT.lab();
            Namespace isp = lab[0], router = lab[1];
            try (isp; router; Namespace host = new Namespace("pfx-host");
                 KeaServer kea = new KeaServer(isp, dir.resolve("kea"), 30, 50, 80, 120)) {
                router.sysctl("net.ipv6.conf.all.forwarding", "1");
                router.lanTo(host, "lan0");
                Path log = dir.resolve("prefixd.log");
                Process prefixd = new ProcessBuilder("ip", "netns", "exec", router.name, Prefixd.ROOT.resolve("packaging/debian/unit-exec").toString(),
                        unitFile.toString(), dir.resolve("root/usr/sbin/prefixd").toString(), "run",
                        "--configs", configs.toString(), "--state", dir.resolve("state").toString(), "--run", dir.resolve("run").toString())
                        .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
                try {
                    Await.until("the start-up line naming " + left + " (log:\n" + TextFile.read(log) + ")", Duration.ofSeconds(30),
                            () -> TextFile.read(log).contains("without " + left + " "));
                    Await.until("the refused operation with its reason and " + left + " (log:\n" + TextFile.read(log) + ")", Duration.ofSeconds(20),
                            () -> TextFile.read(log).contains(REFUSAL.get(left)));
                    assertTrue(prefixd.isAlive(), "prefixd stopped:\n" + TextFile.read(log));
                    Cmd.Result status = Cmd.run(List.of(dir.resolve("root/usr/sbin/prefixd").toString(), "status", "--run", dir.resolve("run").toString()));
                    assertEquals(0, status.exit(), () -> "prefixd status: " + status.out() + status.err());
                    assertTrue(status.out().contains("link wan0"), status.out());
                } finally {
                    prefixd.destroy();
                    if (!prefixd.waitFor(10, TimeUnit.SECONDS)) prefixd.destroyForcibly();
                }
            }
        } finally {
            Cmd.run(List.of("rm", "-rf", dir.toString()));
        }
    }
}
