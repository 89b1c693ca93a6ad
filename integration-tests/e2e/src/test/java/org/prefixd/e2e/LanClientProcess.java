package org.prefixd.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A DHCPv6 client on a LAN of prefixd's, in its namespace and in a mount namespace of its own
 * (its DUID and lease files stay in the test's directory, /run is its own): dhcpcd as a host or a
 * downstream router, WIDE dhcp6c as a downstream router.
 */
final class LanClientProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private LanClientProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * dhcpcd with {@code ia} for eth0 (e.g. "ia_na 1" or "ia_pd 1 down0/0"); its own hook, which
     * only notes the reason and the DNS servers (the default would write /etc/resolv.conf); nodev:
     * with two interfaces named it would wait for udev, which knows nothing of this namespace.
     */
    static LanClientProcess dhcpcd(Namespace ns, Path dir, String ia, String... interfaces) throws Exception {
        return dhcpcdWith(ns, dir, "nodev\nipv6only\nnoipv6rs\nnohook resolv.conf\ninterface eth0\n    " + ia + "\n", interfaces);
    }

    private static LanClientProcess dhcpcdWith(Namespace ns, Path dir, String config, String... interfaces) throws Exception {
        Path db = Files.createDirectories(dir.resolve("db"));
        Files.writeString(dir.resolve("dhcpcd.conf"), config);
        Path hook = dir.resolve("hook.sh");
        Files.writeString(hook, "#!/bin/sh\necho \"hook: $reason dns=$new_dhcp6_name_servers\" >> " + dir.resolve("hook.log") + "\nexit 0\n");
        Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path log = dir.resolve("dhcpcd.log");
        List<String> command = new java.util.ArrayList<>(List.of("ip", "netns", "exec", ns.name, "unshare", "-m", "sh", "-c",
                "conf=$1 hook=$2; shift 2; mount -n -t tmpfs none /run && mount -n --bind \"$0\" /var/lib/dhcpcd && exec dhcpcd -B -d -6 -f \"$conf\" -c \"$hook\" \"$@\"",
                db.toString(), dir.resolve("dhcpcd.conf").toString(), hook.toString()));
        command.addAll(List.of(interfaces));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new LanClientProcess(p, log);
    }

    /**
     * dhcpcd as a stateless host: it solicits router advertisements and, when one has the O flag
     * and not M, asks for the rest by Information-request.
     */
    static LanClientProcess dhcpcdStateless(Namespace ns, Path dir) throws Exception {
        return dhcpcdWith(ns, dir, "nodev\nipv6only\nnohook resolv.conf\ninterface eth0\n", "eth0");
    }

    /** WIDE dhcp6c (OPNsense's client) asking for IA_PD 1, a /64 of it (sla-id 0, sla-len 4) on down0. */
    static LanClientProcess dhcp6c(Namespace ns, Path dir) throws Exception {
        Path state = Files.createDirectories(dir.resolve("state"));
        Files.writeString(dir.resolve("dhcp6c.conf"), """
                interface eth0 {
                    send ia-pd 1;
                };
                id-assoc pd 1 {
                    prefix-interface down0 {
                        sla-id 0;
                        sla-len 4;
                    };
                };
                """);
        Path log = dir.resolve("dhcp6c.log");
        Process p = new ProcessBuilder("ip", "netns", "exec", ns.name, "unshare", "-m", "sh", "-c",
                "mount -n -t tmpfs none /run && mkdir -p /var/lib/dhcpv6 && mount -n --bind \"$0\" /var/lib/dhcpv6 && exec dhcp6c -f -D -c \"$1\" -p /run/dhcp6c.pid eth0",
                state.toString(), dir.resolve("dhcp6c.conf").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new LanClientProcess(p, log);
    }

    /** The client's output, then what its hook was told (dhcpcd: the reason and the DNS servers). */
    String log() {
        return "\n" + TextFile.read(log) + TextFile.read(log.resolveSibling("hook.log"));
    }

    /** SIGTERM: dhcp6c releases its prefix (dhcpcd keeps it: -B without a release option). */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) return;
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
}
