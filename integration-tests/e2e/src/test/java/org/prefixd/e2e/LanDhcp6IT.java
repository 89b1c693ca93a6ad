package org.prefixd.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The LAN side of DHCPv6 (dhcp6.server) with ISC dhclient -6 as a LAN host: stateful by MAC (the
 * address is the LAN's /64 and the host's MAC; the RA's M and O flags set), the same address after
 * the host wipes its DUID and lease file (the server's leases kept through an update of its
 * bundle), and stateless (O only: DNS by Information-request) after a live change.
 */
class LanDhcp6IT {
    @Test
    void aLanHostGetsItsMacAddressKeepsItWithANewDuidAndGetsDnsWhenStateless() throws Exception {
        Assumptions.assumeTrue(Cmd.isRoot(), "needs root: creates network namespaces");
        Namespace[] lab = DhcpClientKeaIT.lab();
        Namespace isp = lab[0], router = lab[1];
        try (isp; router; Namespace host = new Namespace("pfx-host")) {
            router.sysctl("net.ipv6.conf.all.forwarding", "1");
            router.lanTo(host, "lan0");
            host.sysctl("net.ipv6.conf.eth0.accept_ra", "2");
            String mac = host.ip("link", "show", "dev", "eth0").replaceAll("(?s).*link/ether ([0-9a-f:]{17}).*", "$1");
            String expected = "2001:db8:100::" + macGroups(mac);
            Path dir = Prefixd.newDirectory("landhcp6");
            try (KeaServer kea = new KeaServer(isp, dir.resolve("kea"), 30, 50, 80, 120);
                 Prefixd prefixd = new Prefixd(router, dir, "console", true);
                 ConsoleBridge web = new ConsoleBridge(router, 18080)) {
                prefixd.config("prefixd.link-wan.cfg", "interface = wan0\nmode = ethernet\n");
                prefixd.config("prefixd.dhcp6-wan.cfg", "link = wan0\niana = 1\niapd = 2/56\nfirst.solicit.delay = false\n");
                HookRecorder lanHook = new HookRecorder(Files.createDirectories(dir.resolve("scripts")), "lan");
                prefixd.config("prefixd.hook-lan.cfg", "script = " + lanHook.script + "\nstyle = prefixd\nevents = lan\n");
                prefixd.config("prefixd.lan-lan0.cfg", "lan = lan0\ndhcpv6 = stateful\ndhcpv6.reservations = " + mac + "=printer\n");
                Await.until("the LAN's subnet", Duration.ofSeconds(20), () -> router.ip("-6", "addr", "show", "dev", "lan0").contains("2001:db8:100::1/64"));
                String ra = Cmd.ok("ip", "netns", "exec", host.name, "rdisc6", "-1", "eth0");
                assertTrue(ra.matches("(?s).*Stateful address conf\\.\\s*:\\s*Yes.*Stateful other conf\\.\\s*:\\s*Yes.*"), ra);

                // the event stream of this host's MAC (seed 001's ?mac=), and of another's
                String login = prefixd.webLogin();
                Await.until("the console", Duration.ofSeconds(20), () -> EventStreamIT.status(web, login, "/system/console/prefixd/state.json") == 200);
                SseClient mine = new SseClient(web.url(EventStreamIT.EVENTS + "?mac=" + mac), login, null);
                SseClient stranger = new SseClient(web.url(EventStreamIT.EVENTS + "?mac=02:00:5e:00:00:99"), login, null);

                Dhclient first = new Dhclient(host, dir.resolve("dhclient-1"), false);
                try (first; mine; stranger) {
                    Await.until("the host's address by MAC", Duration.ofSeconds(20), () -> host.ip("-6", "addr", "show", "dev", "eth0").contains(expected + "/128"),
                            () -> "\n" + first.log() + prefixd.logTail());
                    Await.until("the lease in the server's file", Duration.ofSeconds(5),
                            () -> TextFile.read(prefixd.state.resolve("lan-leases-lan0.json")).contains("\"mac\":\"" + mac + "\""));
                    Await.until("the LAN hook told of the lease", Duration.ofSeconds(5), () -> !lanHook.where("ARGS", "lan0 lan.bound").isEmpty());
                    HookRecorder.Run run = lanHook.where("ARGS", "lan0 lan.bound").get(0);
                    assertTrue(mac.equals(run.get("PREFIXD_LAN_MAC")) && (expected).equals(run.get("PREFIXD_LAN_ADDRESSES")), run.env().toString());
                    assertEquals("printer", run.get("PREFIXD_LAN_HOSTNAME"), "the name reserved for its MAC");
                    JsonObject bound = EventStreamIT.json(EventStreamIT.until(mine, "prefixd/lanlease/BOUND").data());
                    assertEquals(mac, bound.getString("mac"), bound.toString());
                    assertEquals(expected, bound.getString("addresses"), bound.toString());
                    assertTrue(stranger.drain().stream().filter(SseClient.Frame::isEvent)
                            .noneMatch(f -> EventStreamIT.json(f.data()).getString("topic", "").startsWith("prefixd/lanlease/")), "another MAC's stream got this host's events");

                    // with the host's lease live: an update of the server bundle, then a configuration change, keep it
                    prefixd.shell("update " + ConsoleProfileIT.bundleId(prefixd, "prefixd.dhcp6.server"));
                    Await.until("the server back after its update", Duration.ofSeconds(10),
                            () -> prefixd.logText().split("DHCPv6 server \\(stateful", -1).length > 2);
                    Await.until("the lease kept through the update", Duration.ofSeconds(5),
                            () -> prefixd.status().getJsonArray("lanClients").toString().contains("\"mac\":\"" + mac + "\""), prefixd::logTail);
                    prefixd.config("prefixd.lan-lan0.cfg", "lan = lan0\ndhcpv6 = stateful\ndhcpv6.reservations = " + mac + "=printer\ndhcpv6.lease.time = 600\n");
                    Await.until("the server back after the configuration change", Duration.ofSeconds(10),
                            () -> prefixd.logText().split("DHCPv6 server \\(stateful", -1).length > 3);
                    Await.until("the lease kept through the configuration change", Duration.ofSeconds(5), () -> {
                        var kept = prefixd.status().getJsonArray("lanClients");
                        return kept.size() == 1 && kept.getJsonObject(0).getJsonArray("addresses").getString(0).equals(expected);
                    }, () -> prefixd.status().toString());
                    assertTrue(host.ip("-6", "addr", "show", "dev", "eth0").contains(expected + "/128"), "the host keeps its address");
                    assertEquals(1, lanHook.where("ARGS", "lan0 lan.bound").size(), "no new binding: " + lanHook.runs());
                }

                // the host is wiped and comes back with a DUID-UUID (no MAC in it: the EUI-64 link-local says it)
                host.ip("-6", "addr", "del", expected + "/128", "dev", "eth0");
                Dhclient wiped = new Dhclient(host, dir.resolve("dhclient-2"), false, "00046f1c3a4e00004000800000000000000a");
                try (wiped) {
                    Await.until("the same address with the new DUID", Duration.ofSeconds(20), () -> host.ip("-6", "addr", "show", "dev", "eth0").contains(expected + "/128"),
                            () -> "\n" + wiped.log() + prefixd.logTail());
                    assertTrue(prefixd.logText().contains("MAC " + mac + " came back with a new DUID"),
                            "the binding of the first DUID was kept through the update: " + prefixd.logTail());
                }

                prefixd.config("prefixd.lan-lan0.cfg", "lan = lan0\ndhcpv6 = stateless\n");
                Await.until("O without M in the RA", Duration.ofSeconds(10), () -> Cmd.run(java.util.List.of("ip", "netns", "exec", host.name, "rdisc6", "-1", "eth0"))
                        .out().matches("(?s).*Stateful address conf\\.\\s*:\\s*No.*Stateful other conf\\.\\s*:\\s*Yes.*"));
                Dhclient info = new Dhclient(host, dir.resolve("dhclient-3"), true);
                try (info) {
                    Await.until("DNS by Information-request", Duration.ofSeconds(20), () -> info.log().contains("dns=2001:db8:ffff::53"),
                            () -> "\n" + info.log() + prefixd.logTail());
                }
            }
        }
    }

    /** dhcpcd as a LAN host, stateful by DUID (listed by `prefixd status`), then stateless (DNS by Information-request after the RA's O flag). */
    @Test
    void dhcpcdGetsAnAddressByDuidStatusListsItAndStatelessItGetsDns() throws Exception {
        Assumptions.assumeTrue(Cmd.isRoot(), "needs root: creates network namespaces");
        Namespace[] lab = DhcpClientKeaIT.lab();
        Namespace isp = lab[0], router = lab[1];
        try (isp; router; Namespace host = new Namespace("pfx-host")) {
            router.sysctl("net.ipv6.conf.all.forwarding", "1");
            router.lanTo(host, "lan0");
            Path dir = Prefixd.newDirectory("landhcpcd");
            try (KeaServer kea = new KeaServer(isp, dir.resolve("kea"), 30, 50, 80, 120);
                 Prefixd prefixd = new Prefixd(router, dir, "embedded")) {
                prefixd.config("prefixd.link-wan.cfg", "interface = wan0\nmode = ethernet\n");
                prefixd.config("prefixd.dhcp6-wan.cfg", "link = wan0\niana = 1\niapd = 2/56\nfirst.solicit.delay = false\n");
                prefixd.config("prefixd.lan-lan0.cfg", "lan = lan0\ndhcpv6 = stateful\ndhcpv6.assign = by-duid\n");
                Await.until("the LAN's subnet", Duration.ofSeconds(20), () -> router.ip("-6", "addr", "show", "dev", "lan0").contains("2001:db8:100::1/64"));
                String resolvConf = TextFile.read(Path.of("/etc/resolv.conf"));
                try (LanClientProcess dhcpcd = LanClientProcess.dhcpcd(host, dir.resolve("stateful"), "ia_na 1", "eth0")) {
                    // by DUID: an interface identifier in the upper half (its first group 8000 to ffff)
                    Await.until("dhcpcd's address by DUID", Duration.ofSeconds(30),
                            () -> host.ip("-6", "addr", "show", "dev", "eth0").matches("(?s).*inet6 2001:db8:100:0:[89a-f][0-9a-f]{3}:[0-9a-f:]+/128.*"),
                            () -> dhcpcd.log() + prefixd.logTail());
                    Await.until("the client in prefixd status", Duration.ofSeconds(5),
                            () -> prefixd.status().getJsonArray("lanClients").size() == 1);
                    var client = prefixd.status().getJsonArray("lanClients").getJsonObject(0);
                    assertTrue(client.getString("how").equals("by-duid") && client.getString("lan").equals("lan0"), client.toString());
                    String address = client.getJsonArray("addresses").getString(0);
                    assertTrue(host.ip("-6", "addr", "show", "dev", "eth0").contains(address + "/128"), address);
                    assertTrue(prefixd.cli("status").out().matches("(?s).*\nlan   lan0      (mac [0-9a-f:]{17} )?duid " + client.getString("duid") + " \\[" + address + "\\].*"),
                            prefixd.cli("status").out());
                }
                prefixd.config("prefixd.lan-lan0.cfg", "lan = lan0\ndhcpv6 = stateless\n");
                Await.until("the stateless server", Duration.ofSeconds(10), () -> prefixd.logText().contains("lan0: DHCPv6 server (stateless"));
                try (LanClientProcess dhcpcd = LanClientProcess.dhcpcdStateless(host, dir.resolve("stateless"))) {
                    Await.until("dhcpcd's Information-request answered", Duration.ofSeconds(30),
                            () -> dhcpcd.log().contains("hook: INFORM6 dns=2001:db8:ffff::53"), () -> dhcpcd.log() + prefixd.logTail());
                }
                assertTrue(resolvConf.equals(TextFile.read(Path.of("/etc/resolv.conf"))), "dhcpcd left the machine's /etc/resolv.conf alone");
            }
        }
    }

    /**
     * ISC dhcrelay between lan0 and a host's link, its link-address in lan0's /64 (a relay on the
     * LAN's own prefix): the host's dhclient gets its address by MAC through Relay-forward and
     * Relay-reply.
     */
    @Test
    void aHostBehindIscDhcrelayGetsItsMacAddressThroughTheRelay() throws Exception {
        Assumptions.assumeTrue(Cmd.isRoot(), "needs root: creates network namespaces");
        assertTrue(java.nio.file.Files.isExecutable(Path.of("/usr/sbin/dhcrelay")), "/usr/sbin/dhcrelay is missing: apt-get install isc-dhcp-relay (./run-tests does)");
        Namespace[] lab = DhcpClientKeaIT.lab();
        Namespace isp = lab[0], router = lab[1];
        try (isp; router; Namespace relay = new Namespace("pfx-relay"); Namespace host = new Namespace("pfx-host")) {
            router.lanTo(relay, "lan0");
            relay.lanTo(host, "down0");
            relay.ip("addr", "add", "2001:db8:100::ffff/128", "dev", "down0", "nodad");
            String mac = host.ip("link", "show", "dev", "eth0").replaceAll("(?s).*link/ether ([0-9a-f:]{17}).*", "$1");
            String expected = "2001:db8:100::" + macGroups(mac);
            Path dir = Prefixd.newDirectory("landhcrelay");
            try (KeaServer kea = new KeaServer(isp, dir.resolve("kea"), 30, 50, 80, 120);
                 Prefixd prefixd = new Prefixd(router, dir, "embedded")) {
                prefixd.config("prefixd.link-wan.cfg", "interface = wan0\nmode = ethernet\n");
                prefixd.config("prefixd.dhcp6-wan.cfg", "link = wan0\niana = 1\niapd = 2/56\nfirst.solicit.delay = false\n");
                prefixd.config("prefixd.lan-lan0.cfg", "lan = lan0\ndhcpv6 = stateful\n");
                Await.until("the LAN's subnet", Duration.ofSeconds(20), () -> router.ip("-6", "addr", "show", "dev", "lan0").contains("2001:db8:100::1/64"));
                Process dhcrelay = new ProcessBuilder("ip", "netns", "exec", relay.name, "dhcrelay", "-6", "-d", "--no-pid", "-l", "down0", "-u", "ff02::1:2%eth0")
                        .redirectErrorStream(true).redirectOutput(dir.resolve("dhcrelay.log").toFile()).start();
                try (Dhclient client = new Dhclient(host, dir.resolve("dhclient"), false)) {
                    Await.until("the relayed host's address by MAC", Duration.ofSeconds(30), () -> host.ip("-6", "addr", "show", "dev", "eth0").contains(expected + "/128"),
                            () -> "\n" + client.log() + TextFile.read(dir.resolve("dhcrelay.log")) + prefixd.logTail());
                    assertTrue(TextFile.read(dir.resolve("dhcrelay.log")).contains("Relaying Reply to"), TextFile.read(dir.resolve("dhcrelay.log")));
                } finally {
                    dhcrelay.destroy();
                    dhcrelay.waitFor(5, TimeUnit.SECONDS);
                }
            }
        }
    }

    /** 52:54:00:12:ab:cd → "5254:12:abcd", as iproute2 prints those groups. */
    static String macGroups(String mac) {
        String hex = mac.replace(":", "");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 12; i += 4) {
            if (out.length() > 0) out.append(':');
            out.append(Integer.toHexString(Integer.parseInt(hex.substring(i, i + 4), 16)));
        }
        return out.toString();
    }

    /** ISC dhclient -6 in the host's namespace, in the foreground, with a script that only sets its address and logs. */
    static final class Dhclient implements AutoCloseable {
        private final Process process;
        private final Path log;

        Dhclient(Namespace host, Path dir, boolean stateless) throws IOException {
            this(host, dir, stateless, null);
        }

        /** @param duidHex the DUID it is to use (written into its lease file as dhclient's default-duid), or null for its own */
        Dhclient(Namespace host, Path dir, boolean stateless, String duidHex) throws IOException {
            Files.createDirectories(dir);
            if (duidHex != null) {
                StringBuilder octal = new StringBuilder();
                for (int i = 0; i < duidHex.length(); i += 2) octal.append(String.format("\\%03o", Integer.parseInt(duidHex.substring(i, i + 2), 16)));
                Files.writeString(dir.resolve("leases"), "default-duid \"" + octal + "\";\n");
            }
            this.log = dir.resolve("script.log");
            Path script = dir.resolve("script.sh");
            Files.writeString(script, """
                    #!/bin/sh
                    echo "reason=$reason address=$new_ip6_address dns=$new_dhcp6_name_servers" >> %s
                    case "$reason" in BOUND6|RENEW6|REBIND6|REBOOT6)
                        [ -n "$new_ip6_address" ] && ip -6 addr replace "$new_ip6_address/128" dev "$interface" valid_lft "$new_max_life" preferred_lft "$new_preferred_life" ;;
                    esac
                    exit 0
                    """.formatted(log));
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("ip", "netns", "exec", host.name, "dhclient", "-6", "-d", "-v",
                    "-lf", dir.resolve("leases").toString(), "-pf", dir.resolve("pid").toString(), "-sf", script.toString()));
            if (stateless) command.add("-S");
            command.add("eth0");
            this.process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("dhclient.out").toFile()).start();
        }

        String log() {
            return TextFile.read(log) + TextFile.read(log.resolveSibling("dhclient.out"));
        }

        /** Killed without a Release: as a wiped or crashed host. */
        @Override
        public void close() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
