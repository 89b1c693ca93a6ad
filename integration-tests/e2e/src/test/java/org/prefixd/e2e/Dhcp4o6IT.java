package org.prefixd.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.regex.Pattern;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * DHCPv4 over DHCPv6 (RFC 7341) against Kea (kea-dhcp6 + kea-dhcp4 linked by dhcp4o6-port) on the
 * IPv6-only WAN: the IPv4 address is bound (on the owner's interface, in status, the lease file
 * and the hooks), renewed at T1, moved by a live change of its interface, dropped when turned
 * off and bound again when turned on, kept through an update of the client bundle and a restart of
 * prefixd without a new DISCOVER (counted on the server's side), and released.
 */
class Dhcp4o6IT {
    @Test
    void bindsRenewsKeepsAcrossUpdateAndRestartWithoutDiscoverAndReleasesAnIpv4Address() throws Exception {
        Assumptions.assumeTrue(Cmd.isRoot(), "needs root: creates network namespaces");
        Namespace[] lab = DhcpClientKeaIT.lab();
        Namespace isp = lab[0], router = lab[1];
        try (isp; router) {
            // The softwire's stand-in, where the owner wants the address; and the way to the 4o6
            // server's global address (an ISP's router advertisements would give a default route).
            for (String tun : new String[] {"tun4", "tun5"}) {
                router.ip("link", "add", tun, "type", "veth", "peer", "name", tun + "p");
                router.ip("link", "set", tun, "up");
            }
            router.ip("-6", "route", "add", "2001:db8:ffff::/64", "dev", "wan0");
            Path dir = Prefixd.newDirectory("dhcp4o6");
            Path scripts = Files.createDirectories(dir.resolve("scripts"));
            Map<String, HookRecorder> styles = new LinkedHashMap<>();
            for (String style : List.of("odhcp6c", "dhclient", "prefixd")) styles.put(style, new HookRecorder(scripts, style));
            try (Kea4o6Server kea = new Kea4o6Server(isp, dir.resolve("kea"), 4, 20, 30);
                 Capture capture = new Capture(isp, dir.resolve("dhcp6.txt"))) {
                String settings = "link = wan0\niana = 1\niapd = 2/56\nfirst.solicit.delay = false\n"
                        + "dhcp4o6.enabled = true\ndhcp4o6.interface = tun4\ndhcp4o6.options = 224\n";
                String address;
                try (Prefixd prefixd = new Prefixd(router, dir, "console", true)) {
                    prefixd.config("prefixd.link-wan.cfg", "interface = wan0\nmode = ethernet\n");
                    for (var e : styles.entrySet())
                        prefixd.config("prefixd.hook-" + e.getKey() + ".cfg", "script = " + e.getValue().script + "\nstyle = " + e.getKey() + "\nevents = ipv4\n");
                    prefixd.config("prefixd.dhcp6-wan.cfg", settings);
                    Await.until("an IPv4 address on tun4", Duration.ofSeconds(30), () -> ipv4(router).contains("inet 192.0.2."),
                            () -> "\n" + capture.text() + "\n" + prefixd.logTail());
                    JsonObject v4 = prefixd.status().getJsonArray("sessions").getJsonObject(0).getJsonObject("ipv4");
                    assertEquals("BOUND", v4.getString("state"), v4.toString());
                    address = v4.getJsonObject("lease").getString("address");
                    assertTrue(address.matches("192\\.0\\.2\\.\\d+/24"), v4.toString());
                    assertTrue(ipv4(router).contains("inet " + address), ipv4(router));
                    assertEquals("192.0.2.1", v4.getJsonObject("lease").getJsonArray("routers").getString(0));
                    assertTrue(Files.readString(prefixd.state.resolve("lease4-wan0.json")).contains(address.substring(0, address.indexOf('/'))));
                    assertEquals(1, kea.received("DHCPDISCOVER"), kea.log4());
                    assertEquals("deadbeef", v4.getJsonObject("lease").getJsonArray("options").getJsonObject(0).getString("hex"));
                    // the WanLease4 service, as the shell's inspect lists the client bundle's services
                    int before = prefixd.logText().length();
                    prefixd.shell("inspect capability service " + ConsoleProfileIT.bundleId(prefixd, "prefixd.dhcp6.client"));
                    Pattern service = Pattern.compile("org\\.prefixd\\.api\\.WanLease4[^\\n]*\\n([^\\n]+\\n){0,12}?\\s*prefixd\\.ipv4\\.address = "
                            + Pattern.quote(address));
                    Await.until("the WanLease4 service of " + address, Duration.ofSeconds(5), () -> service.matcher(prefixd.logText().substring(before)).find(),
                            () -> prefixd.logText().substring(before));
                    prefixd.shell("prefixd:status");
                    Await.until("the shell's status naming the IPv4 lease", Duration.ofSeconds(5),
                            () -> prefixd.logText().substring(before).contains("  ipv4    BOUND " + address + " valid "), () -> prefixd.logText().substring(before));
                    String ip = ip(address);
                    Await.until("every style's hook ran for the IPv4 lease", Duration.ofSeconds(10),
                            () -> styles.values().stream().allMatch(h -> !h.runs().isEmpty()));
                    // only IPv4 named: no DHCPv6 runs, and the names of the DHCPv4 client each style pairs with
                    HookRecorder.Run udhcpc = styles.get("odhcp6c").runs().get(0);
                    assertEquals("wan0 bound", udhcpc.get("ARGS"));
                    assertEquals(ip, udhcpc.get("ip"));
                    assertEquals("255.255.255.0", udhcpc.get("subnet"));
                    assertEquals("192.0.2.1", udhcpc.get("router"));
                    assertEquals("192.0.2.53", udhcpc.get("dns"));
                    assertEquals("deadbeef", udhcpc.get("opt224"));
                    HookRecorder.Run dhclient = styles.get("dhclient").runs().get(0);
                    assertEquals("BOUND", dhclient.get("reason"));
                    assertEquals(ip, dhclient.get("new_ip_address"));
                    assertEquals("192.0.2.1", dhclient.get("new_dhcp_server_identifier"));
                    assertEquals("deadbeef", dhclient.get("new_unknown_224"));
                    HookRecorder.Run own = styles.get("prefixd").runs().get(0);
                    assertEquals("wan0 ipv4.bound", own.get("ARGS"));
                    assertEquals(address, own.get("PREFIXD_IPV4_ADDRESS"));
                    assertEquals("deadbeef", own.get("PREFIXD_OPTION_224"));

                    Await.until("the IPv4 lease renewed at T1 (4 s)", Duration.ofSeconds(20), () -> prefixd.logText().contains("IPv4 lease renewed"));
                    assertTrue(kea.received("DHCPREQUEST") >= 2, "the REQUEST after the OFFER and one at T1");

                    long requests = kea.received("DHCPREQUEST");
                    prefixd.shell("update " + ConsoleProfileIT.bundleId(prefixd, "prefixd.dhcp6.client"));
                    Await.until("the IPv4 lease renewed after the update", Duration.ofSeconds(20), () -> kea.received("DHCPREQUEST") > requests);
                    assertEquals(1, kea.received("DHCPDISCOVER"), "the update cost a DISCOVER:\n" + kea.log4());
                    assertTrue(ipv4(router).contains("inet " + address), "the address stays through the update: " + ipv4(router));

                    // a live change of where the address goes: it moves, the lease stays
                    prefixd.config("prefixd.dhcp6-wan.cfg", settings.replace("tun4", "tun5"));
                    Await.until("the address moved to tun5", Duration.ofSeconds(10),
                            () -> ipv4(router, "tun5").contains("inet " + address) && !ipv4(router).contains("inet 192.0.2."));
                    prefixd.config("prefixd.dhcp6-wan.cfg", settings);
                    Await.until("the address back on tun4", Duration.ofSeconds(10),
                            () -> ipv4(router).contains("inet " + address) && !ipv4(router, "tun5").contains("inet 192.0.2."));
                    assertEquals(1, kea.received("DHCPDISCOVER"), "a configuration change cost a DISCOVER:\n" + kea.log4());
                }
                // prefixd stopped (release.on.stop is off): the lease stays in the file and on tun4
                assertTrue(ipv4(router).contains("inet 192.0.2."), ipv4(router));
                long requests = kea.received("DHCPREQUEST");
                try (Prefixd prefixd = new Prefixd(router, dir, "embedded")) {
                    Await.until("the kept IPv4 lease checked (INIT-REBOOT) after the restart", Duration.ofSeconds(30),
                            () -> kea.received("DHCPREQUEST") > requests && prefixd.status().getJsonArray("sessions").getJsonObject(0)
                                    .getJsonObject("ipv4").getString("state").equals("BOUND"));
                    assertEquals(1, kea.received("DHCPDISCOVER"), "the restart cost a DISCOVER:\n" + kea.log4());

                    // turned off: the address and the kept lease go; turned on again: a new DISCOVER
                    prefixd.config("prefixd.dhcp6-wan.cfg", settings.replace("dhcp4o6.enabled = true", "dhcp4o6.enabled = false"));
                    Await.until("the address gone once DHCPv4 over DHCPv6 is off", Duration.ofSeconds(10),
                            () -> !ipv4(router).contains("inet 192.0.2.") && !Files.exists(prefixd.state.resolve("lease4-wan0.json")));
                    assertFalse(prefixd.status().getJsonArray("sessions").getJsonObject(0).containsKey("ipv4"));
                    assertEquals("BOUND", prefixd.status().getJsonArray("sessions").getJsonObject(0).getString("state"), "the DHCPv6 lease is untouched");
                    prefixd.config("prefixd.dhcp6-wan.cfg", settings);
                    Await.until("an IPv4 address again", Duration.ofSeconds(20), () -> ipv4(router).contains("inet 192.0.2."));
                    assertEquals(2, kea.received("DHCPDISCOVER"), kea.log4());

                    Cmd.Result release = prefixd.cli("release", "wan0");
                    assertTrue(release.out().contains("IPv4: DHCPRELEASE"), release.out());
                    Await.until("the server got the DHCPRELEASE", Duration.ofSeconds(10), () -> kea.received("DHCPRELEASE") == 1);
                    Await.until("the address gone from tun4", Duration.ofSeconds(10), () -> !ipv4(router).contains("inet 192.0.2."));
                    Await.until("the hooks told of the release", Duration.ofSeconds(10),
                            () -> !styles.get("prefixd").where("ARGS", "wan0 ipv4.released").isEmpty());
                    assertTrue(styles.get("dhclient").where("reason", "RELEASE").get(0).get("old_ip_address").startsWith("192.0.2."));
                    assertFalse(Files.exists(prefixd.state.resolve("lease4-wan0.json")), "no lease, no file");
                }
            }
        }
    }

    /** RFC 2131 §3.1.5: an address already on another interface of the router is declined, and another one bound after 10 s. */
    @Test
    void declinesAnAddressTheRouterAlreadyHasAndBindsAnother() throws Exception {
        Assumptions.assumeTrue(Cmd.isRoot(), "needs root: creates network namespaces");
        Namespace[] lab = DhcpClientKeaIT.lab();
        Namespace isp = lab[0], router = lab[1];
        try (isp; router) {
            router.ip("link", "add", "tun4", "type", "veth", "peer", "name", "tun4p");
            router.ip("link", "set", "tun4", "up");
            router.ip("addr", "add", "192.0.2.100/32", "dev", "tun4p"); // the first address of Kea's pool, already in use here
            router.ip("-6", "route", "add", "2001:db8:ffff::/64", "dev", "wan0");
            Path dir = Prefixd.newDirectory("dhcp4o6decline");
            try (Kea4o6Server kea = new Kea4o6Server(isp, dir.resolve("kea"), 60, 90, 120)) {
                String settings = "link = wan0\niana = 1\niapd = 2/56\nfirst.solicit.delay = false\n"
                        + "dhcp4o6.enabled = true\ndhcp4o6.interface = tun4\n";
                try (Prefixd prefixd = new Prefixd(router, dir, "embedded")) {
                    prefixd.config("prefixd.link-wan.cfg", "interface = wan0\nmode = ethernet\n");
                    prefixd.config("prefixd.dhcp6-wan.cfg", settings);
                    Await.until("the server got the DHCPDECLINE", Duration.ofSeconds(20), () -> kea.received("DHCPDECLINE") == 1, prefixd::logTail);
                    assertFalse(ipv4(router).contains("inet 192.0.2.100"), "a declined address is never set");
                    Await.until("another address bound after the 10 s wait", Duration.ofSeconds(30), () -> ipv4(router).contains("inet 192.0.2."),
                            prefixd::logTail);
                    assertFalse(ipv4(router).contains("inet 192.0.2.100/"), ipv4(router));
                    assertEquals(2, kea.received("DHCPDISCOVER"), "one DISCOVER before the DECLINE, one after");
                    assertTrue(prefixd.logText().contains("the IPv4 address 192.0.2.100 is already on tun4p: declining it"), prefixd.logTail());

                    // no interface: the address is for the hooks and status only; release.on.stop: a DHCPRELEASE at the stop
                    String bound = prefixd.status().getJsonArray("sessions").getJsonObject(0).getJsonObject("ipv4").getJsonObject("lease").getString("address");
                    prefixd.config("prefixd.dhcp6-wan.cfg", settings.replace("dhcp4o6.interface = tun4\n", "release.on.stop = true\n"));
                    Await.until("the address taken off tun4", Duration.ofSeconds(10), () -> !ipv4(router).contains("inet 192.0.2."), prefixd::logTail);
                    JsonObject v4 = prefixd.status().getJsonArray("sessions").getJsonObject(0).getJsonObject("ipv4");
                    assertEquals("BOUND", v4.getString("state"), v4.toString());
                    assertEquals(bound, v4.getJsonObject("lease").getString("address"), "the lease is kept without an interface");
                    assertTrue(Files.exists(prefixd.state.resolve("lease4-wan0.json")));
                    assertEquals(0, kea.received("DHCPRELEASE"));
                }
                Await.until("the server got the DHCPRELEASE of the stop", Duration.ofSeconds(10), () -> kea.received("DHCPRELEASE") == 1, kea::log4);
                assertEquals(2, kea.received("DHCPDISCOVER"), "a configuration change cost a DISCOVER:\n" + kea.log4());
            }
        }
    }

    private static String ip(String cidr) {
        return cidr.substring(0, cidr.indexOf('/'));
    }

    private static String ipv4(Namespace router) {
        return ipv4(router, "tun4");
    }

    private static String ipv4(Namespace router, String dev) {
        return router.ip("-4", "addr", "show", "dev", dev);
    }
}
