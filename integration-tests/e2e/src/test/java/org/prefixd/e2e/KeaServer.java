package org.prefixd.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** ISC Kea DHCPv6 in the "ISP" namespace on isp0 (TOOLCHAIN.md §8), with short timers. */
final class KeaServer implements AutoCloseable {
    private final Process process;
    final Path dir;

    KeaServer(Namespace isp, Path dir, int renew, int rebind, int preferred, int valid) throws IOException {
        this(isp, dir, renew, rebind, preferred, valid, "2001:db8:100::");
    }

    /** @param pdPool the /40 its /56 prefixes come from: another one renumbers the clients */
    KeaServer(Namespace isp, Path dir, int renew, int rebind, int preferred, int valid, String pdPool) throws IOException {
        this(isp, dir, renew, rebind, preferred, valid, pdPool, "");
    }

    /**
     * @param excluded an RFC 6603 excluded prefix inside the pool's first /56 ("2001:db8:100:1::/64"),
     *                 or "": Kea 2.2 sends it, as subnet-ID bits relative to each /56 it delegates, to
     *                 a client whose Option Request asks for option 67
     */
    KeaServer(Namespace isp, Path dir, int renew, int rebind, int preferred, int valid, String pdPool, String excluded) throws IOException {
        this(isp, dir, renew, rebind, preferred, valid, pdPool, excluded, "");
    }

    /** @param subnetOptions option-data entries of the subnet (JSON objects, comma-separated), or "" */
    KeaServer(Namespace isp, Path dir, int renew, int rebind, int preferred, int valid, String pdPool, String excluded, String subnetOptions)
            throws IOException {
        String exclusion = excluded.isEmpty() ? "" : """
                , "excluded-prefix": "%s", "excluded-prefix-len": %s""".formatted(excluded.substring(0, excluded.indexOf('/')),
                excluded.substring(excluded.indexOf('/') + 1));
        this.dir = Files.createDirectories(dir);
        Path config = dir.resolve("kea6.json");
        Files.writeString(config, """
                { "Dhcp6": { "interfaces-config": { "interfaces": [ "isp0" ] },
                  "server-id": { "type": "EN", "enterprise-id": 2495, "identifier": "0102030405", "persist": false },
                  "lease-database": { "type": "memfile", "persist": true, "name": "%s", "lfc-interval": 0 },
                  "renew-timer": %d, "rebind-timer": %d, "preferred-lifetime": %d, "valid-lifetime": %d,
                  "option-data": [ { "name": "dns-servers", "data": "2001:db8:ffff::53" } ],
                  "subnet6": [ { "id": 1, "subnet": "2001:db8:ffff::/64", "interface": "isp0", "rapid-commit": true, "option-data": [ %s ],
                     "pools": [ { "pool": "2001:db8:ffff::100-2001:db8:ffff::1ff" } ],
                     "pd-pools": [ { "prefix": "%s", "prefix-len": 40, "delegated-len": 56%s } ] } ] } }
                """.formatted(dir.resolve("leases6.csv"), renew, rebind, preferred, valid, subnetOptions, pdPool, exclusion));
        ProcessBuilder builder = new ProcessBuilder("ip", "netns", "exec", isp.name, "kea-dhcp6", "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("kea.log").toFile());
        builder.environment().put("KEA_PIDFILE_DIR", dir.toString());
        builder.environment().put("KEA_LOCKFILE_DIR", dir.toString());
        builder.environment().put("KEA_LOG_FILE_DIR", dir.toString());
        this.process = builder.start();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
    }
}
