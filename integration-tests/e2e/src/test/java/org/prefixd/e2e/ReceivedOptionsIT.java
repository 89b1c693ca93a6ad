package org.prefixd.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * An option prefixd does not interpret, asked for with request.options: Kea (a custom code, sent
 * only when the Option Request names it) sends it; prefixd keeps it with the lease, as hex, in
 * status, the lease file and every hook style's convention.
 */
class ReceivedOptionsIT {
    @Test
    void anOptionAskedForReachesTheStatusTheLeaseFileAndEveryHookStyleAsHex() throws Exception {
        Assumptions.assumeTrue(Cmd.isRoot(), "needs root: creates network namespaces");
        Namespace[] lab = DhcpClientKeaIT.lab();
        Namespace isp = lab[0], router = lab[1];
        try (isp; router) {
            Path dir = Prefixd.newDirectory("options");
            Path scripts = Files.createDirectories(dir.resolve("scripts"));
            Map<String, HookRecorder> styles = new LinkedHashMap<>();
            for (String style : List.of("odhcp6c", "wide", "dhclient", "prefixd")) styles.put(style, new HookRecorder(scripts, style));
            String custom = "{ \"code\": 65001, \"space\": \"dhcp6\", \"csv-format\": false, \"data\": \"de:ad:be:ef\" }";
            try (KeaServer kea = new KeaServer(isp, dir.resolve("kea"), 30, 50, 80, 120, "2001:db8:100::", "", custom);
                 Prefixd prefixd = new Prefixd(router, dir, "embedded")) {
                prefixd.config("prefixd.link-wan.cfg", "interface = wan0\nmode = ethernet\n");
                for (var e : styles.entrySet())
                    prefixd.config("prefixd.hook-" + e.getKey() + ".cfg", "script = " + e.getValue().script + "\nstyle = " + e.getKey() + "\n");
                prefixd.config("prefixd.dhcp6-wan.cfg", "link = wan0\niana = 1\niapd = 2/56\nfirst.solicit.delay = false\nrequest.options = 65001\n");
                Await.until("every style's hook ran for the lease", Duration.ofSeconds(20),
                        () -> styles.values().stream().allMatch(h -> !h.runs().isEmpty()));
                JsonObject option = prefixd.status().getJsonArray("sessions").getJsonObject(0).getJsonArray("options").getJsonObject(0);
                assertEquals(65001, option.getInt("code"));
                assertEquals("deadbeef", option.getString("hex"));
                assertTrue(Files.readString(prefixd.state.resolve("lease-wan0.json")).contains("{\"code\":65001,\"hex\":\"deadbeef\"}"));
                assertEquals("deadbeef", styles.get("odhcp6c").runs().get(0).get("OPTION_65001"));
                assertEquals("deadbeef", styles.get("wide").runs().get(0).get("raw_dhcp_option_65001"));
                assertEquals("deadbeef", styles.get("dhclient").runs().get(0).get("new_dhcp6_unknown_65001"));
                assertEquals("deadbeef", styles.get("prefixd").runs().get(0).get("PREFIXD_OPTION_65001"));
            }
        }
    }
}
