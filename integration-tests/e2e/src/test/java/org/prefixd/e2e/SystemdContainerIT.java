package org.prefixd.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The package under a real systemd: a Debian system made with debootstrap, booted with
 * systemd-nspawn in the test's router namespace (the machines prefixd is developed on have no
 * systemd as PID 1). The whole unit applies — user, capabilities, file-system sandbox, system-call
 * filter — and prefixd binds a lease from Kea, gives the LAN its /64, radvd advertises it, a hook
 * runs, `systemctl reload` rescans; an upgrade through dpkg (systemd's own deb-systemd-invoke)
 * restarts it without a Solicit and without a warning; a purge stops it and removes its files.
 */
class SystemdContainerIT {
    @Test
    void thePackageRunsUnderSystemdWithItsWholeSandbox() throws Exception {
        Assumptions.assumeTrue(Cmd.isRoot(), "needs root: debootstrap, systemd-nspawn, network namespaces");
        Path deb = PackageIT.newest("prefixd_", "_amd64.deb");
        Path dir = Prefixd.newDirectory("systemd");
        Path rootfs = dir.resolve("rootfs");
        Cmd.Result bootstrap = Cmd.run(List.of("timeout", "600", "debootstrap", "--variant=minbase",
                "--include=systemd,systemd-sysv,dbus,iproute2,socat,adduser,radvd,procps", codename(), rootfs.toString(), mirror()));
        assertEquals(0, bootstrap.exit(), () -> "debootstrap failed:\n" + bootstrap.out() + bootstrap.err());
        try {
            Files.copy(deb, rootfs.resolve("root/prefixd.deb"));
            Cmd.Result install = Cmd.run(List.of("chroot", rootfs.toString(), "dpkg", "-i", "/root/prefixd.deb"));
            assertEquals(0, install.exit(), () -> install.out() + install.err());
            Path etc = rootfs.resolve("etc/prefixd");
            Files.writeString(etc.resolve("prefixd.link-wan.cfg"), "interface = wan0\nmode = ethernet\n");
            Files.writeString(etc.resolve("prefixd.dhcp6-wan.cfg"), "link = wan0\niana = 1\niapd = 2/56\nfirst.solicit.delay = false\n");
            Files.writeString(etc.resolve("prefixd.lan-lan.cfg"), "lan = lan0\n");
            Files.writeString(etc.resolve("hook.sh"), "#!/bin/sh\necho \"$2 as $(id -un)\" >> /var/lib/prefixd/hook.log\n");
            Cmd.ok("chmod", "0755", etc.resolve("hook.sh").toString());
            Files.writeString(etc.resolve("prefixd.hook-test.cfg"), "script = /etc/prefixd/hook.sh\nstyle = odhcp6c\n");

            Namespace[] lab = DhcpClientKeaIT.lab();
            Namespace isp = lab[0], router = lab[1];
            try (isp; router; Namespace host = new Namespace("pfx-host");
                 KeaServer kea = new KeaServer(isp, dir.resolve("kea"), 30, 50, 80, 120);
                 Container container = new Container(rootfs, router, dir.resolve("nspawn.log"))) {
                router.sysctl("net.ipv6.conf.all.forwarding", "1");
                router.sysctl("net.ipv6.conf.wan0.accept_ra", "2");
                router.lanTo(host, "lan0");

                Await.until("prefixd.service active (" + container.journal() + ")", Duration.ofSeconds(60),
                        () -> container.exec("systemctl", "is-active", "prefixd").out().strip().equals("active"));
                Await.until("the lease, the LAN's /64 and radvd's RA on the LAN host (journal:\n" + container.journal() + ")", Duration.ofSeconds(30),
                        () -> host.ip("-6", "addr", "show", "dev", "eth0").contains("inet6 2001:db8:100:0:"));
                String journal = container.journal();
                assertTrue(journal.contains("running as user prefixd (uid ") && journal.contains(") with CAP_NET_ADMIN, CAP_NET_BIND_SERVICE, CAP_NET_RAW"), journal);
                assertFalse(journal.contains(" WARN ") || journal.contains(" ERROR "), "warnings under systemd:\n" + journal);
                assertEquals("prefixd", container.exec("ps", "-o", "user=", "-C", "radvd").out().lines().findFirst().orElse("").strip(), "radvd's user");
                Await.until("the hook as prefixd", Duration.ofSeconds(10),
                        () -> container.exec("cat", "/var/lib/prefixd/hook.log").out().contains("bound as prefixd"));
                assertTrue(container.exec("prefixd", "status").out().contains("prefix  2001:db8:100::/56"));

                container.exec("systemctl", "reload", "prefixd");
                Await.until("SIGHUP rescanned", Duration.ofSeconds(10), () -> container.journal().contains("SIGHUP: configuration rescanned"));

                String pid = container.exec("systemctl", "show", "-p", "MainPID", "--value", "prefixd").out().strip();
                int mark = container.journal().length();
                Path upgrade = PackageIT.repack(deb, Cmd.ok("dpkg-deb", "-f", deb.toString(), "Version").strip() + "+upgrade1", dir.resolve("upgrade"));
                Files.copy(upgrade, rootfs.resolve("root/prefixd-upgrade.deb"));
                try (Capture capture = new Capture(isp, dir.resolve("upgrade-capture.txt"))) {
                    Cmd.Result result = container.exec("dpkg", "-i", "/root/prefixd-upgrade.deb");
                    assertEquals(0, result.exit(), () -> result.out() + result.err());
                    Await.until("the lease resumed after the upgrade", Duration.ofSeconds(30),
                            () -> container.journal().substring(mark).contains("wan0: lease resumed"));
                    assertNotEquals(pid, container.exec("systemctl", "show", "-p", "MainPID", "--value", "prefixd").out().strip(), "not restarted");
                    String since = container.journal().substring(mark);
                    assertFalse(since.contains("soliciting") || since.contains(" WARN ") || since.contains(" ERROR "), since);
                    assertFalse(capture.text().contains("dhcp6 solicit"), capture.text());
                }
                assertTrue(host.ip("-6", "addr", "show", "dev", "eth0").contains("inet6 2001:db8:100:0:"), "the LAN host lost its address");

                Cmd.Result purge = container.exec("dpkg", "--purge", "prefixd");
                assertEquals(0, purge.exit(), () -> purge.out() + purge.err());
                assertFalse(container.exec("systemctl", "is-active", "prefixd").out().strip().equals("active"), "still running after purge");
                for (String gone : List.of("etc/prefixd/prefixd.link-wan.cfg", "var/lib/prefixd", "usr/lib/prefixd", "lib/systemd/system/prefixd.service"))
                    assertFalse(Files.exists(rootfs.resolve(gone)), "purge left /" + gone);
            }
        } finally {
            Cmd.run(List.of("rm", "-rf", "--one-file-system", rootfs.toString()));
        }
    }

    /** The host's own Debian release and mirror, so the container matches the machine. */
    private static String codename() throws IOException {
        return Files.readAllLines(Path.of("/etc/os-release")).stream().filter(l -> l.startsWith("VERSION_CODENAME="))
                .map(l -> l.substring("VERSION_CODENAME=".length())).findFirst().orElse("bookworm");
    }

    private static String mirror() throws IOException {
        Path sources = Path.of("/etc/apt/sources.list.d/debian.sources");
        if (Files.exists(sources))
            for (String line : Files.readAllLines(sources))
                if (line.startsWith("URIs:") && !line.contains("security")) return line.substring(5).strip().split("\\s+")[0];
        Path list = Path.of("/etc/apt/sources.list");
        if (Files.exists(list))
            for (String line : Files.readAllLines(list))
                if (line.startsWith("deb ") && !line.contains("security")) return line.split("\\s+")[1];
        return "http://deb.debian.org/debian";
    }

    /** A booted systemd-nspawn container in the router's network namespace. */
    private static final class Container implements AutoCloseable {
        private final Process nspawn;

        Container(Path rootfs, Namespace router, Path log) throws IOException {
            // No systemd on the host: no machine registration, no scope of its own. nspawn's
            // default capability set lacks CAP_NET_ADMIN, which prefixd's unit hands on.
            this.nspawn = new ProcessBuilder("systemd-nspawn", "--quiet", "--boot", "--register=no", "--keep-unit",
                    "--capability=CAP_NET_ADMIN", "--network-namespace-path=/run/netns/" + router.name,
                    "--machine=" + router.name, "-D", rootfs.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            Await.until("the container's systemd (" + log + ")", Duration.ofSeconds(30), () -> init() > 0
                    && exec("systemctl", "is-system-running").out().strip().matches("running|degraded"));
        }

        private long init() {
            return nspawn.toHandle().children().findFirst().map(ProcessHandle::pid).orElse(-1L);
        }

        Cmd.Result exec(String... command) {
            List<String> args = new ArrayList<>(List.of("nsenter", "-t", Long.toString(init()), "-a"));
            args.addAll(List.of(command));
            return Cmd.run(args);
        }

        String journal() {
            return exec("journalctl", "-u", "prefixd", "--no-pager", "-o", "cat").out();
        }

        @Override
        public void close() throws InterruptedException {
            nspawn.destroy(); // SIGTERM: the container shuts down
            if (!nspawn.waitFor(30, TimeUnit.SECONDS)) nspawn.destroyForcibly().waitFor();
        }
    }
}
