package org.prefixd.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The Debian package on this machine, as a router owner gets it: dpkg installs it (the maintainer
 * scripts make the user and start prefixd, systemd being played by {@link SystemdStandIn}), and
 * prefixd runs exactly as the unit's ExecStart would — user prefixd, three capabilities, no new
 * privileges, the package's own Java runtime — in the namespace lab against Kea: lease, the LAN's
 * /64, radvd advertising it as user prefixd, the owner's hook, status and reload. Then an upgrade
 * to a higher version while the lease is held restarts prefixd without a Solicit and the LAN
 * keeps its /64; remove stops it and keeps configuration and state; purge removes them. The
 * machine is left as it was found, also when a step fails.
 */
class PackageIT {
    private static final Path TARGET = Prefixd.ROOT.resolve("packaging/target");
    private static final Path PREFIXD = Path.of("/usr/sbin/prefixd");
    private static final Path ETC = Path.of("/etc/prefixd");
    private static final Path STATE = Path.of("/var/lib/prefixd");
    private static final Path RUN = Path.of("/run/prefixd");
    /** CAP_NET_BIND_SERVICE (10), CAP_NET_ADMIN (12), CAP_NET_RAW (13). */
    private static final String UNIT_CAPABILITIES = "0000000000003400";

    @Test
    void installsRunsAsItsUnitUpgradesWithoutANewLeaseRemovesAndPurges() throws Exception {
        Assumptions.assumeTrue(Cmd.isRoot(), "needs root: installs a package, makes a system user, creates network namespaces");
        Path deb = newest("prefixd_", "_amd64.deb");
        Path consoleDeb = newest("prefixd-console_", "_all.deb");
        assertFalse(installed("prefixd") || installed("prefixd-console"),
                "prefixd is installed on this machine: the package test needs one without it (dpkg --purge prefixd-console prefixd)");
        for (Path p : List.of(ETC, STATE, RUN, Path.of("/usr/lib/prefixd")))
            assertFalse(Files.exists(p), p + " exists although prefixd is not installed: remove it before the package test");
        boolean userExisted = user().isPresent();

        Path dir = Prefixd.newDirectory("package");
        Namespace[] lab = DhcpClientKeaIT.lab();
        Namespace isp = lab[0], router = lab[1];
        try (isp; router; Namespace host = new Namespace("pfx-host");
             KeaServer kea = new KeaServer(isp, dir.resolve("kea"), 30, 50, 80, 120);
             SystemdStandIn systemd = new SystemdStandIn(router, dir.resolve("systemd"))) {
            router.sysctl("net.ipv6.conf.all.forwarding", "1");
            router.sysctl("net.ipv6.conf.wan0.accept_ra", "2");
            router.lanTo(host, "lan0");
            try {
                installAndServeTheLan(systemd, host, deb, consoleDeb);
                upgradeWhileTheLeaseIsHeld(systemd, isp, router, host, deb, dir);
                removeKeepsConfigurationAndState(systemd);
                purgeRemovesThem(systemd);
            } finally {
                leaveTheMachineAsFound(systemd, userExisted);
            }
        }
    }

    private void installAndServeTheLan(SystemdStandIn systemd, Namespace host, Path deb, Path consoleDeb) throws Exception {
        Cmd.Result install = systemd.dpkg("-i", deb.toString(), consoleDeb.toString());
        assertEquals(0, install.exit(), () -> "dpkg -i failed:\n" + install.out() + install.err());
        assertTrue(user().isPresent(), "the postinst made no user prefixd");
        assertTrue(systemd.calls().contains("start prefixd.service"), "the postinst did not start prefixd: " + systemd.calls());
        awaitControlSocket(systemd);

        long pid = systemd.pid();
        String status = Files.readString(Path.of("/proc", Long.toString(pid), "status"));
        assertEquals(user().orElseThrow(), field(status, "Uid"), "prefixd does not run as the user prefixd:\n" + status);
        assertEquals(UNIT_CAPABILITIES, field(status, "CapEff"), "the unit's three capabilities, and only them:\n" + status);
        assertEquals(UNIT_CAPABILITIES, field(status, "CapAmb"), status);
        assertEquals("1", field(status, "NoNewPrivs"), status);
        assertEquals("/usr/lib/prefixd/runtime/bin/java", Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "exe")).toString(),
                "prefixd does not run on the package's own Java runtime");
        String says = "running as user prefixd (uid " + user().orElseThrow() + ") with CAP_NET_ADMIN, CAP_NET_BIND_SERVICE, CAP_NET_RAW";
        Await.until("'" + says + "' in the log:\n" + systemd.log(), Duration.ofSeconds(10), () -> systemd.log().contains(says));

        // What an owner does: edit the shipped configuration (conffiles) and add a hook.
        Files.writeString(ETC.resolve("prefixd.link-wan.cfg"), "interface = wan0\nmode = ethernet\n");
        Files.writeString(ETC.resolve("prefixd.dhcp6-wan.cfg"), "link = wan0\niana = 1\niapd = 2/56\nfirst.solicit.delay = false\n");
        Files.writeString(ETC.resolve("prefixd.lan-lan.cfg"), "lan = lan0\n");
        Path hook = STATE.resolve("hook.sh");
        Files.writeString(hook, "#!/bin/sh\necho \"$2 as $(id -un)\" >> /var/lib/prefixd/hook.log\n");
        Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(ETC.resolve("prefixd.hook-test.cfg"), "script = " + hook + "\nstyle = odhcp6c\n");
        Cmd.Result reload = cli("reload");
        assertEquals("reloaded", reload.out().strip(), () -> "prefixd reload: " + reload.out() + reload.err());

        Await.until("the lease from Kea (log:\n" + systemd.log() + ")", Duration.ofSeconds(20), () -> prefixOf(status()).equals("2001:db8:100::/56"));
        Await.until("a global address from the delegated prefix on the LAN host", Duration.ofSeconds(20),
                () -> host.ip("-6", "addr", "show", "dev", "eth0").contains("inet6 2001:db8:100:0:"));
        String ra = Cmd.ok("ip", "netns", "exec", host.name, "rdisc6", "-1", "eth0");
        assertTrue(ra.contains("2001:db8:100::/64") && ra.contains("2001:db8:ffff::53"), ra);
        long radvd = Long.parseLong(Files.readString(RUN.resolve("radvd.pid")).strip());
        assertEquals("prefixd", Cmd.ok("ps", "-o", "user=", "-p", Long.toString(radvd)).strip(), "radvd does not run as prefixd's user");
        Await.until("the owner's hook", Duration.ofSeconds(10), () -> TextFile.read(STATE.resolve("hook.log")).contains("bound as prefixd"));
        String text = cli("status").out();
        assertTrue(text.contains("dhcp6 wan0") && text.contains("prefix  2001:db8:100::/56"), text);

        // The fleet's controller from the package, on its own Java runtime: an EC certificate's key
        // read (jdk.crypto.ec is in the runtime), then no broker there.
        TestPki pki = new TestPki(Files.createTempDirectory(STATE, "pki")).client("controller");
        Cmd.Result fleet = cli("fleet", "status", "--broker", "ssl://[::1]:1", "--ca", pki.ca().toString(), "--cert", pki.cert("controller").toString(),
                "--key", pki.key("controller").toString());
        assertEquals(1, fleet.exit(), fleet.out() + fleet.err());
        assertTrue(fleet.err().startsWith("prefixd fleet: ") && fleet.err().contains("Connection refused"), fleet.err());
    }

    private void upgradeWhileTheLeaseIsHeld(SystemdStandIn systemd, Namespace isp, Namespace router, Namespace host, Path deb, Path dir)
            throws Exception {
        String version = Cmd.ok("dpkg-deb", "-f", deb.toString(), "Version").strip();
        String higher = version + "+upgrade1";
        Path upgrade = repack(deb, higher, dir.resolve("upgrade"));
        assertEquals(0, Cmd.run(List.of("dpkg", "--compare-versions", higher, "gt", version)).exit());
        long before = systemd.pid();
        int mark = systemd.log().length();
        try (Capture capture = new Capture(isp, dir.resolve("upgrade-capture.txt"))) {
            Cmd.Result result = systemd.dpkg("-i", upgrade.toString());
            assertEquals(0, result.exit(), () -> "the upgrade failed:\n" + result.out() + result.err());
            assertEquals(higher, Cmd.ok("dpkg-query", "-W", "-f=${Version}", "prefixd").strip());
            assertTrue(systemd.calls().contains("restart prefixd.service"), "the upgrade did not restart prefixd: " + systemd.calls());
            assertNotEquals(before, systemd.pid(), "still the prefixd from before the upgrade");
            awaitControlSocket(systemd);
            Await.until("the lease resumed after the upgrade (log:\n" + systemd.log().substring(mark) + ")", Duration.ofSeconds(20),
                    () -> systemd.log().substring(mark).contains("wan0: lease resumed") && prefixOf(status()).equals("2001:db8:100::/56"));
            Await.until("radvd advertising again", Duration.ofSeconds(10), () -> Files.exists(RUN.resolve("radvd.pid")));
            assertFalse(systemd.log().substring(mark).contains("wan0: soliciting"), "the upgrade cost a Solicit:\n" + systemd.log().substring(mark));
            assertFalse(capture.text().contains("dhcp6 solicit"), "a Solicit on the wire after the upgrade:\n" + capture.text());
        }
        String lan = router.ip("-6", "addr", "show", "dev", "lan0");
        assertTrue(lan.contains("inet6 2001:db8:100::1/64") && !lan.contains("deprecated"), "the LAN lost its /64:\n" + lan);
        String hostAddress = host.ip("-6", "addr", "show", "dev", "eth0", "scope", "global");
        assertTrue(hostAddress.contains("inet6 2001:db8:100:0:") && !hostAddress.contains("deprecated"), hostAddress);
        assertTrue(TextFile.read(ETC.resolve("prefixd.link-wan.cfg")).contains("interface = wan0"), "the owner's edit of a conffile did not survive the upgrade");
    }

    private void removeKeepsConfigurationAndState(SystemdStandIn systemd) {
        long pid = systemd.pid();
        Cmd.Result remove = systemd.dpkg("-r", "prefixd-console", "prefixd");
        assertEquals(0, remove.exit(), () -> "dpkg -r failed:\n" + remove.out() + remove.err());
        assertTrue(systemd.calls().contains("stop prefixd.service"), "remove did not stop prefixd: " + systemd.calls());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "prefixd still runs after remove");
        assertTrue(Files.exists(ETC.resolve("prefixd.link-wan.cfg")) && Files.exists(STATE.resolve("lease-wan0.json")) && Files.exists(STATE.resolve("duid")),
                "remove took configuration or state");
        assertFalse(Files.exists(PREFIXD) || Files.exists(Path.of("/usr/lib/prefixd")), "remove left the program");
        assertEquals("deinstall ok config-files", Cmd.ok("dpkg-query", "-W", "-f=${Status}", "prefixd").strip());
    }

    private void purgeRemovesThem(SystemdStandIn systemd) {
        Cmd.Result purge = systemd.dpkg("-P", "prefixd-console", "prefixd");
        assertEquals(0, purge.exit(), () -> "dpkg -P failed:\n" + purge.out() + purge.err());
        for (Path p : List.of(ETC, STATE, RUN, Path.of("/etc/ppp/ipv6-up.d/prefixd"), Path.of("/etc/ppp/ipv6-down.d/prefixd"),
                Path.of("/etc/systemd/system/multi-user.target.wants/prefixd.service")))
            assertFalse(Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS), "purge left " + p);
        assertTrue(user().isPresent(), "purge removed the user prefixd (Debian keeps system users: files may still belong to it)");
        assertFalse(installed("prefixd"), "dpkg still knows prefixd after purge");
    }

    private static void leaveTheMachineAsFound(SystemdStandIn systemd, boolean userExisted) throws IOException {
        if (installed("prefixd") || installed("prefixd-console") || known("prefixd")) systemd.dpkg("-P", "prefixd-console", "prefixd");
        systemd.close();
        for (Path p : List.of(ETC, STATE, RUN)) Cmd.run(List.of("rm", "-rf", p.toString()));
        if (!userExisted && user().isPresent()) {
            Cmd.run(List.of("deluser", "--system", "--quiet", "prefixd"));
            Cmd.run(List.of("delgroup", "--system", "--quiet", "prefixd"));
        }
    }

    /** The same files as {@code deb} under a higher version: what a rebuild with a new version gives. */
    static Path repack(Path deb, String version, Path work) throws IOException {
        Path tree = Files.createDirectories(work).resolve("tree");
        Cmd.ok("dpkg-deb", "-R", deb.toString(), tree.toString());
        Path control = tree.resolve("DEBIAN/control");
        Files.writeString(control, Files.readString(control).replaceFirst("(?m)^Version: .*$", "Version: " + version));
        Path out = work.resolve("prefixd_" + version + "_amd64.deb");
        Cmd.ok("dpkg-deb", "--root-owner-group", "-Zgzip", "--build", tree.toString(), out.toString());
        return out;
    }

    private static void awaitControlSocket(SystemdStandIn systemd) {
        Await.until("prefixd's control socket (log:\n" + systemd.log() + ")", Duration.ofSeconds(30),
                () -> systemd.running() && Files.exists(RUN.resolve("control.sock")));
    }

    private static Cmd.Result cli(String... args) {
        List<String> command = new ArrayList<>(List.of(PREFIXD.toString()));
        command.addAll(List.of(args));
        return Cmd.run(command);
    }

    private static JsonObject status() {
        Cmd.Result r = cli("status", "--json");
        if (r.exit() != 0) return JsonValue.EMPTY_JSON_OBJECT;
        return new org.eclipse.parsson.JsonProviderImpl().createReader(new StringReader(r.out())).readObject();
    }

    private static String prefixOf(JsonObject status) {
        for (JsonValue session : status.getJsonArray("sessions") == null ? List.<JsonValue>of() : status.getJsonArray("sessions")) {
            JsonObject s = session.asJsonObject();
            if (s.getString("link").equals("wan0") && s.getString("state").equals("BOUND") && !s.getJsonArray("prefixes").isEmpty())
                return s.getJsonArray("prefixes").getJsonObject(0).getString("prefix");
        }
        return "";
    }

    private static String field(String procStatus, String name) {
        for (String line : procStatus.split("\n"))
            if (line.startsWith(name + ":")) return line.substring(name.length() + 1).strip().split("\\s+")[0];
        return "";
    }

    private static java.util.Optional<String> user() {
        Cmd.Result r = Cmd.run(List.of("id", "-u", "prefixd"));
        return r.exit() == 0 ? java.util.Optional.of(r.out().strip()) : java.util.Optional.empty();
    }

    private static boolean installed(String pkg) {
        return Cmd.run(List.of("dpkg-query", "-W", "-f=${Status}", pkg)).out().contains("install ok installed");
    }

    private static boolean known(String pkg) {
        return Cmd.run(List.of("dpkg-query", "-W", "-f=${Status}", pkg)).exit() == 0;
    }

    static Path newest(String prefix, String suffix) throws IOException {
        try (var files = Files.list(TARGET)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(suffix))
                    .max(Comparator.comparing(p -> p.toFile().lastModified()))
                    .orElseThrow(() -> new AssertionError("no " + prefix + "*" + suffix + " in " + TARGET + ": build with ./mvnw -B -DskipTests package"));
        }
    }
}
