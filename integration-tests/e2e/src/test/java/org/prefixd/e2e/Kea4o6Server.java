package org.prefixd.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * ISC Kea serving DHCPv4 over DHCPv6 in the "ISP" namespace (TOOLCHAIN.md §9): kea-dhcp6 names
 * itself as the 4o6 server (option 88) and hands the DHCPv4-queries to kea-dhcp4 over ::1 ports
 * 6767/6768; kea-dhcp4 answers from 192.0.2.0/24. kea-dhcp6 takes unicast (to the address that
 * option 88 names) only on an interface configured as "isp0/ADDRESS". The README's configuration, with short timers.
 * kea-dhcp4 sends a private option (224, de:ad:be:ef) to a client that asks for it, and logs each packet (debug level 99), for counting DISCOVERs on the server's side.
 */
final class Kea4o6Server implements AutoCloseable {
    static final String SERVER = "2001:db8:ffff::1";
    private final Process dhcp6;
    private final Process dhcp4;
    final Path dir;

    /** @param renew4 the DHCPv4 T1 (seconds), @param valid4 the DHCPv4 lease time */
    Kea4o6Server(Namespace isp, Path dir, int renew4, int rebind4, int valid4) throws IOException {
        this.dir = Files.createDirectories(dir);
        isp.ip("addr", "add", "192.0.2.1/24", "dev", "isp0"); // kea-dhcp4 opens no socket on an interface without IPv4
        Path config6 = dir.resolve("kea-dhcp6.json");
        Files.writeString(config6, """
                { "Dhcp6": { "interfaces-config": { "interfaces": [ "isp0/%s" ] }, "dhcp4o6-port": 6767,
                  "server-id": { "type": "EN", "enterprise-id": 2495, "identifier": "0102030405", "persist": false },
                  "lease-database": { "type": "memfile", "persist": true, "name": "%s", "lfc-interval": 0 },
                  "renew-timer": 600, "rebind-timer": 900, "preferred-lifetime": 1200, "valid-lifetime": 1800,
                  "option-data": [ { "name": "dhcp4o6-server-addr", "data": "%s" } ],
                  "subnet6": [ { "id": 1, "subnet": "2001:db8:ffff::/64", "interface": "isp0",
                     "pools": [ { "pool": "2001:db8:ffff::100-2001:db8:ffff::1ff" } ],
                     "pd-pools": [ { "prefix": "2001:db8:100::", "prefix-len": 40, "delegated-len": 56 } ] } ] } }
                """.formatted(SERVER, dir.resolve("leases6.csv"), SERVER));
        Path config4 = dir.resolve("kea-dhcp4.json");
        Files.writeString(config4, """
                { "Dhcp4": { "interfaces-config": { "interfaces": [ "isp0" ] }, "dhcp4o6-port": 6767,
                  "lease-database": { "type": "memfile", "persist": true, "name": "%s", "lfc-interval": 0 },
                  "renew-timer": %d, "rebind-timer": %d, "valid-lifetime": %d,
                  "option-data": [ { "name": "domain-name-servers", "data": "192.0.2.53" }, { "name": "routers", "data": "192.0.2.1" },
                                   { "code": 224, "space": "dhcp4", "csv-format": false, "data": "de:ad:be:ef" } ],
                  "subnet4": [ { "id": 1, "subnet": "192.0.2.0/24", "4o6-interface": "isp0",
                     "pools": [ { "pool": "192.0.2.100-192.0.2.200" } ] } ],
                  "loggers": [ { "name": "kea-dhcp4", "severity": "DEBUG", "debuglevel": 99,
                     "output_options": [ { "output": "%s" } ] } ] } }
                """.formatted(dir.resolve("leases4.csv"), renew4, rebind4, valid4, dir.resolve("kea-dhcp4.log")));
        this.dhcp4 = start(isp, "kea-dhcp4", config4, "kea4.out");
        this.dhcp6 = start(isp, "kea-dhcp6", config6, "kea6.out");
    }

    private Process start(Namespace isp, String program, Path config, String out) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("ip", "netns", "exec", isp.name, program, "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve(out).toFile());
        builder.environment().put("KEA_PIDFILE_DIR", dir.toString());
        builder.environment().put("KEA_LOCKFILE_DIR", dir.toString());
        builder.environment().put("KEA_LOG_FILE_DIR", dir.toString());
        return builder.start();
    }

    /** What kea-dhcp4 logged: each DHCPv4 message it received, among the rest. */
    String log4() {
        return TextFile.read(dir.resolve("kea-dhcp4.log"));
    }

    /** How many messages of this type (DHCPDISCOVER, DHCPREQUEST, DHCPRELEASE...) kea-dhcp4 received. */
    long received(String type) {
        return log4().lines().filter(l -> l.contains("DHCP4_PACKET_RECEIVED") && l.contains(type)).count();
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : new Process[] {dhcp6, dhcp4}) {
            p.destroy();
            if (!p.waitFor(5, TimeUnit.SECONDS)) p.destroyForcibly();
        }
    }
}
