package org.prefixd.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * The OpenWrt package without an OpenWrt device: the procd init script sourced by a shell (busybox
 * sh, OpenWrt's, when installed) with stand-ins for procd's functions that record their calls;
 * the capabilities file ujail reads; the source tarball against what the Makefile installs from it.
 */
class OpenWrtPackageTest {
    private static final Path FEED = Prefixd.ROOT.resolve("packaging/openwrt/prefixd");
    private static final String HARNESS = """
            log=$1; force_jail=$2
            for f in procd_open_instance procd_set_param procd_append_param procd_close_instance procd_add_jail \\
                     procd_send_signal procd_add_reload_trigger procd_add_interface_trigger mkdir chmod chown; do
                eval "$f() { echo \\"$f \\$*\\" >> \\"\\$log\\"; }"
            done
            . "$3"
            [ "$force_jail" = yes ] && can_jail() { return 0; }
            echo "START=$START STOP=$STOP USE_PROCD=$USE_PROCD" >> "$log"
            start_service
            service_triggers 2>/dev/null || true
            echo "-- reload" >> "$log"
            reload_service
            """;

    @Test
    void startsPrefixdRespawnedWithItsDirectoriesAndReloadsWithSighup() throws IOException {
        String calls = run(false);
        assertTrue(calls.contains("START=60 STOP=10 USE_PROCD=1"), calls);
        assertTrue(calls.contains("procd_set_param command /usr/sbin/prefixd run --configs /etc/prefixd --state /etc/prefixd/state"
                + " --run /var/run/prefixd --cache /tmp/prefixd"), calls);
        assertTrue(calls.contains("procd_set_param respawn 3600 5 0"), calls);
        assertTrue(calls.contains("procd_set_param stdout 1") && calls.contains("procd_set_param stderr 1"), calls);
        assertTrue(calls.indexOf("procd_open_instance") < calls.indexOf("procd_set_param command")
                && calls.indexOf("procd_set_param command") < calls.indexOf("procd_close_instance"), calls);
        assertTrue(calls.contains("mkdir -p /etc/prefixd/state /var/run/prefixd /tmp/prefixd"), calls);
        // procd's signal defaults to SIGHUP: what prefixd takes as "re-read the configuration".
        assertTrue(calls.substring(calls.indexOf("-- reload")).contains("procd_send_signal prefixd"), calls);
    }

    @Test
    void withoutUjailItIsNotJailedAndNothingIsChowned() throws IOException {
        // No /sbin/ujail on this machine: the real check says no.
        assertFalse(Files.exists(Path.of("/sbin/ujail")), "this machine has /sbin/ujail: the test expects a machine without it");
        String calls = run(false);
        assertFalse(calls.contains("procd_add_jail") || calls.contains("procd_set_param user") || calls.contains("chown"), calls);
    }

    @Test
    void withUjailItRunsAsPrefixdWithTheCapabilitiesFileAndNoNewPrivileges() throws IOException {
        String calls = run(true);
        assertTrue(calls.contains("procd_add_jail prefixd\n"), calls);
        assertTrue(calls.contains("procd_set_param capabilities /etc/capabilities/prefixd.json"), calls);
        assertTrue(calls.contains("procd_set_param user prefixd") && calls.contains("procd_set_param group prefixd"), calls);
        assertTrue(calls.contains("procd_set_param no_new_privs 1"), calls);
        assertTrue(calls.contains("chown prefixd:prefixd /etc/prefixd/state /var/run/prefixd /tmp/prefixd"), calls);
        assertTrue(calls.indexOf("procd_add_jail") < calls.indexOf("procd_close_instance"), calls);
    }

    @Test
    void theCapabilitiesFileListsTheThreeInEverySet() throws IOException {
        // ujail takes a set left out as "every capability".
        JsonObject caps = new org.eclipse.parsson.JsonProviderImpl()
                .createReader(new StringReader(Files.readString(FEED.resolve("files/prefixd.capabilities")))).readObject();
        for (String set : List.of("bounding", "effective", "ambient", "permitted", "inheritable"))
            assertEquals(List.of("CAP_NET_ADMIN", "CAP_NET_BIND_SERVICE", "CAP_NET_RAW"),
                    caps.getJsonArray(set).getValuesAs(jakarta.json.JsonString::getString), set);
    }

    @Test
    void theSourceTarballHoldsWhatTheMakefileInstalls() throws IOException {
        Path tarball;
        try (var files = Files.list(Prefixd.ROOT.resolve("packaging/target"))) {
            tarball = files.filter(p -> p.getFileName().toString().endsWith("-noarch.tar.gz")).findFirst()
                    .orElseThrow(() -> new AssertionError("no *-noarch.tar.gz in packaging/target: build with ./mvnw -B -DskipTests package"));
        }
        String listing = Cmd.ok("tar", "tzf", tarball.toString());
        String version = tarball.getFileName().toString().replace("-noarch.tar.gz", "");
        String makefile = Files.readString(FEED.resolve("Makefile"));
        assertTrue(makefile.contains("PKG_VERSION:=" + version.substring("prefixd-".length())), "the Makefile's PKG_VERSION is not " + version);
        for (String path : List.of("usr/lib/prefixd/bin/prefixd", "usr/lib/prefixd/embedded.jar", "usr/lib/prefixd/embedded/launcher.properties",
                "usr/lib/prefixd/embedded/java-modules", "usr/lib/prefixd/ppp/prefixd-pppd-hook", "etc/prefixd/prefixd.link-wan.cfg",
                "tools/make-runtime"))
            assertTrue(listing.contains(version + "/" + path + "\n"), "the tarball lacks " + path + ":\n" + listing);
        assertFalse(listing.contains("/runtime/"), "the noarch tarball carries a Java runtime");
        for (Map.Entry<String, String> used : Map.of("files/prefixd.init", "prefixd.init", "files/prefixd.capabilities", "prefixd.capabilities",
                "files/ppp-ip-up", "ppp-ip-up", "files/ppp-ip-down", "ppp-ip-down").entrySet())
            assertTrue(Files.exists(FEED.resolve(used.getKey())) && makefile.contains("./files/" + used.getValue()), used.getKey());
    }

    private static String run(boolean forceJail) throws IOException {
        Path dir = Files.createTempDirectory("prefixd-openwrt");
        try {
            Path harness = dir.resolve("harness.sh");
            Files.writeString(harness, HARNESS);
            Path log = dir.resolve("calls");
            Files.writeString(log, "");
            List<String> shell = Files.isExecutable(Path.of("/usr/bin/busybox")) || Files.isExecutable(Path.of("/bin/busybox"))
                    ? List.of("busybox", "sh") : List.of("sh");
            List<String> command = new java.util.ArrayList<>(shell);
            command.addAll(List.of(harness.toString(), log.toString(), forceJail ? "yes" : "no", FEED.resolve("files/prefixd.init").toString()));
            Cmd.Result r = Cmd.run(command);
            assertEquals(0, r.exit(), () -> "the init script under " + shell + ": " + r.out() + r.err());
            return Files.readString(log);
        } finally {
            Cmd.run(List.of("rm", "-rf", dir.toString()));
        }
    }
}
