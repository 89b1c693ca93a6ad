package org.prefixd.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** ISC dhcpd -6, WIDE dhcp6s and dnsmasq in the "ISP" namespace on isp0, set up as TOOLCHAIN.md §8 says. */
final class DhcpServers {
    private DhcpServers() {
    }

    /** A server process; closing it stops it. */
    static final class Server implements AutoCloseable {
        private final Process process;

        Server(Namespace isp, Path dir, List<String> command) throws IOException {
            List<String> full = new java.util.ArrayList<>(List.of("ip", "netns", "exec", isp.name));
            full.addAll(command);
            this.process = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
        }
    }

    /** NA + PD, renew 3 s, rebind 5 s, preferred 8 s, valid 12 s. */
    static Server dhcpd(Namespace isp, Path dir) throws IOException {
        return dhcpd(isp, dir, 8, 12);
    }

    /** NA + PD, renew 3 s, rebind 5 s; the lease file is kept across restarts in {@code dir}. */
    static Server dhcpd(Namespace isp, Path dir, int preferred, int valid) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("dhcpd6.conf"), """
                preferred-lifetime %d; default-lease-time %d; max-lease-time %d;
                option dhcp-renewal-time 3; option dhcp-rebinding-time 5;
                option dhcp6.name-servers 2001:db8:ffff::53;
                subnet6 2001:db8:ffff::/64 { range6 2001:db8:ffff::100 2001:db8:ffff::1ff; prefix6 2001:db8:100:: 2001:db8:1ff:: /56; }
                """.formatted(preferred, valid, valid));
        if (!Files.exists(dir.resolve("leases"))) Files.writeString(dir.resolve("leases"), "");
        return new Server(isp, dir, List.of("dhcpd", "-6", "-f", "-d", "-cf", dir.resolve("dhcpd6.conf").toString(),
                "-lf", dir.resolve("leases").toString(), "-pf", dir.resolve("pid").toString(), "isp0"));
    }

    /** PD for the client DUID 00030001020000000001 only; T1/T2 are half/0.8 of the preferred lifetime. */
    static Server dhcp6s(Namespace isp, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("dhcp6s.conf"), """
                option domain-name-servers 2001:db8:ffff::53;
                interface isp0 { };
                host rtr { duid 00:03:00:01:02:00:00:00:00:01; prefix 2001:db8:200::/56 8 20; };
                """);
        Files.writeString(dir.resolve("ctlkey"), "c2VjcmV0a2V5c2VjcmV0a2V5\n");
        return new Server(isp, dir, List.of("dhcp6s", "-f", "-D", "-k", dir.resolve("ctlkey").toString(), "-c",
                dir.resolve("dhcp6s.conf").toString(), "-P", dir.resolve("pid").toString(), "isp0"));
    }

    /** NA only (dnsmasq has no PD), leases of 2 minutes (its minimum), rapid commit. */
    static Server dnsmasq(Namespace isp, Path dir) throws IOException {
        Files.createDirectories(dir);
        return new Server(isp, dir, List.of("dnsmasq", "-d", "-k", "--port=0", "--interface=isp0", "--bind-interfaces",
                "--dhcp-range=2001:db8:ffff::100,2001:db8:ffff::1ff,64,2m", "--dhcp-option=option6:dns-server,[2001:db8:ffff::53]",
                "--dhcp-leasefile=" + dir.resolve("leases"), "--pid-file=" + dir.resolve("pid"), "--dhcp-rapid-commit"));
    }

    /** Stateless DHCPv6 only (Information-request), DNS and a domain search list. */
    static Server dnsmasqStateless(Namespace isp, Path dir) throws IOException {
        Files.createDirectories(dir);
        return new Server(isp, dir, List.of("dnsmasq", "-d", "-k", "--port=0", "--interface=isp0", "--bind-interfaces",
                "--dhcp-range=::,constructor:isp0,ra-stateless,64", "--dhcp-option=option6:dns-server,[2001:db8:ffff::53]",
                "--dhcp-option=option6:domain-search,example.com", "--dhcp-leasefile=" + dir.resolve("leases"),
                "--pid-file=" + dir.resolve("pid")));
    }
}
