package org.prefixd.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * PD Exclude (RFC 6603) against Kea 2.2's {@code excluded-prefix}: the excluded /64 of the
 * delegated /56 goes to no LAN, even the one whose hint asks for it (logged); the other LANs are
 * served; the exclusion is kept through a renewal and shown in status, the lease file and the
 * hooks. Without {@code pd.exclude} Kea sends none (it answers option 67 only when asked).
 */
class PdExcludeIT {
    private static final String EXCLUDED = "2001:db8:100:1::/64";

    @Test
    void theExcludedSubnetGoesToNoLanAndTheOthersAreServed() throws Exception {
        Assumptions.assumeTrue(Cmd.isRoot(), "needs root: creates network namespaces");
        Namespace[] lab = DhcpClientKeaIT.lab();
        Namespace isp = lab[0], router = lab[1];
        try (isp; router) {
            for (String lan : List.of("lan0", "lan1", "lan2")) router.veth(lan, lan + "p");
            Path dir = Prefixd.newDirectory("pdexclude");
            HookRecorder hook = new HookRecorder(Files.createDirectories(dir.resolve("scripts")), "odhcp6c");
            try (KeaServer kea = new KeaServer(isp, dir.resolve("kea"), 4, 6, 80, 120, "2001:db8:100::", EXCLUDED);
                 Prefixd prefixd = new Prefixd(router, dir, "embedded")) {
                prefixd.config("prefixd.link-wan.cfg", "interface = wan0\nmode = ethernet\n");
                prefixd.config("prefixd.hook-odhcp6c.cfg", "script = " + hook.script + "\nstyle = odhcp6c\n");
                prefixd.config("prefixd.lan-lan0.cfg", "lan = lan0\n");
                prefixd.config("prefixd.lan-lan1.cfg", "lan = lan1\nhint = 1\n");
                prefixd.config("prefixd.lan-lan2.cfg", "lan = lan2\nhint = 2\n");
                prefixd.config("prefixd.dhcp6-wan.cfg", "link = wan0\niana = 1\niapd = 2/56\nfirst.solicit.delay = false\n");
                Await.until("each LAN in a subnet, lan1 not in the excluded one", Duration.ofSeconds(20),
                        () -> address(router, "lan0").contains("inet6 2001:db8:100::1/64") && address(router, "lan2").contains("inet6 2001:db8:100:2::1/64")
                                && address(router, "lan1").contains("inet6 2001:db8:100:3::1/64"));
                assertFalse(router.ip("-6", "addr").contains("2001:db8:100:1::"), router.ip("-6", "addr"));
                assertFalse(Files.readString(prefixd.state.resolve("pd-assignments.txt")).contains(EXCLUDED));
                assertTrue(prefixd.logText().contains("lan1: hint 1 asks for " + EXCLUDED + ", which the server excludes (RFC 6603): given 2001:db8:100:3::/64"),
                        prefixd.logTail());
                assertEquals(EXCLUDED, sessionPrefix(prefixd).getString("excluded"));
                assertTrue(Files.readString(prefixd.state.resolve("lease-wan0.json")).contains("\"excluded\":\"" + EXCLUDED + "\""));
                Await.until("the odhcp6c hook's bound run", Duration.ofSeconds(10), () -> !hook.where("ARGS", "wan0 bound").isEmpty());
                String prefixes = hook.where("ARGS", "wan0 bound").get(0).get("PREFIXES");
                assertTrue(prefixes.matches("2001:db8:100::/56,\\d+,\\d+,class=00000002,excluded=2001:db8:100:1::/64"), prefixes);

                int before = prefixd.logText().length();
                Await.until("a renewal", Duration.ofSeconds(15), () -> prefixd.logText().substring(before).contains("wan0: lease renewed"));
                assertTrue(prefixd.logText().substring(before).contains("excluding " + EXCLUDED), prefixd.logTail());
                assertEquals(EXCLUDED, sessionPrefix(prefixd).getString("excluded"), "kept through the renewal");
                assertTrue(address(router, "lan1").contains("inet6 2001:db8:100:3::1/64") && address(router, "lan0").contains("inet6 2001:db8:100::1/64"));
                assertFalse(prefixd.logText().contains("no longer advertised"), prefixd.logTail());
            }
        }
    }

    @Test
    void withoutAskingKeaSendsNoExclusionAndTheHintIsTaken() throws Exception {
        Assumptions.assumeTrue(Cmd.isRoot(), "needs root: creates network namespaces");
        Namespace[] lab = DhcpClientKeaIT.lab();
        Namespace isp = lab[0], router = lab[1];
        try (isp; router) {
            router.veth("lan1", "lan1p");
            Path dir = Prefixd.newDirectory("pdexclude-off");
            try (KeaServer kea = new KeaServer(isp, dir.resolve("kea"), 30, 50, 80, 120, "2001:db8:100::", EXCLUDED);
                 Prefixd prefixd = new Prefixd(router, dir, "embedded")) {
                prefixd.config("prefixd.link-wan.cfg", "interface = wan0\nmode = ethernet\n");
                prefixd.config("prefixd.lan-lan1.cfg", "lan = lan1\nhint = 1\n");
                prefixd.config("prefixd.dhcp6-wan.cfg", "link = wan0\niana = 1\niapd = 2/56\nfirst.solicit.delay = false\npd.exclude = false\n");
                Await.until("lan1 in its hinted subnet", Duration.ofSeconds(20), () -> address(router, "lan1").contains("inet6 2001:db8:100:1::1/64"));
                assertFalse(sessionPrefix(prefixd).containsKey("excluded"), sessionPrefix(prefixd).toString());
            }
        }
    }

    private static JsonObject sessionPrefix(Prefixd prefixd) {
        return prefixd.status().getJsonArray("sessions").getJsonObject(0).getJsonArray("prefixes").getJsonObject(0);
    }

    private static String address(Namespace ns, String dev) {
        return ns.ip("-6", "addr", "show", "dev", dev);
    }
}
