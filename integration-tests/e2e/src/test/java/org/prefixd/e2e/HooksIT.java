package org.prefixd.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The hooks bundle against Kea in the lab: one recording script per environment style gets the
 * right variables when the lease is bound, renewed, changes prefix (Kea restarted with another
 * pool) and is released; a hanging script is killed at its timeout with its background child;
 * an update of the hooks bundle keeps the hooks running.
 */
class HooksIT {
    private static final String OLD = "2001:db8:100::/56";
    private static final String NEW_START = "2001:db8:900:";

    @Test
    void everyStyleGetsItsVariablesForBoundRenewPrefixChangeAndUnbound() throws Exception {
        Assumptions.assumeTrue(Cmd.isRoot(), "needs root: creates network namespaces");
        Namespace[] lab = DhcpClientKeaIT.lab();
        try (Namespace isp = lab[0]; Namespace router = lab[1]) {
            Path dir = Prefixd.newDirectory("hooks");
            Path scripts = Files.createDirectories(dir.resolve("scripts"));
            Map<String, HookRecorder> styles = new java.util.LinkedHashMap<>();
            for (String style : List.of("odhcp6c", "wide", "dhclient", "prefixd")) styles.put(style, new HookRecorder(scripts, style));
            Path childPid = scripts.resolve("hang-child.pid");
            Path hang = scripts.resolve("hang.sh");
            Files.writeString(hang, "#!/bin/sh\nsleep 600 &\necho $! > " + childPid + "\necho hanging\nwait\n");
            Files.setPosixFilePermissions(hang, PosixFilePermissions.fromString("rwxr-xr-x"));

            KeaServer kea = new KeaServer(isp, dir.resolve("kea"), 3, 5, 40, 60);
            try (Prefixd prefixd = new Prefixd(router, dir, "console", true)) {
                for (var e : styles.entrySet())
                    prefixd.config("prefixd.hook-" + e.getKey() + ".cfg", "script = " + e.getValue().script + "\nstyle = " + e.getKey() + "\n");
                prefixd.config("prefixd.hook-hang.cfg", "script = " + hang + "\nevents = bound\ntimeout = 1\n");
                prefixd.config("prefixd.link-wan.cfg", "interface = wan0\nmode = ethernet\n");
                prefixd.config("prefixd.dhcp6-wan.cfg", "link = wan0\niana = 1\niapd = 2/56\nfirst.solicit.delay = false\n");

                // bound
                HookRecorder odhcp6c = styles.get("odhcp6c"), wide = styles.get("wide"), dhclient = styles.get("dhclient"), own = styles.get("prefixd");
                Await.until("every style's bound run", Duration.ofSeconds(20), () -> !odhcp6c.where("ARGS", "wan0 bound").isEmpty()
                        && !wide.where("REASON", "REQUEST").isEmpty() && dhclient.where("reason", "BOUND6").size() >= 2 && !own.where("PREFIXD_EVENT", "bound").isEmpty());
                var o = odhcp6c.where("ARGS", "wan0 bound").get(0);
                assertTrue(o.get("PREFIXES").startsWith(OLD + ","), o.env().toString());
                assertTrue(o.get("ADDRESSES").matches("2001:db8:ffff::1[0-9a-f]{2}/128,\\d+,\\d+"), o.env().toString());
                assertEquals("2001:db8:ffff::53", o.get("RDNSS"));
                assertEquals("/usr/sbin:/usr/bin:/sbin:/bin", o.get("PATH"));
                assertFalse(o.env().containsKey("HOME"), "nothing of prefixd's own environment: " + o.env());
                var w = wide.where("REASON", "REQUEST").get(0);
                assertEquals(OLD + " ", w.get("PDINFO"));
                assertEquals("2001:db8:ffff::53 ", w.get("new_domain_name_servers"));
                assertEquals("", w.get("ARGS"));
                List<HookRecorder.Run> dh = dhclient.where("reason", "BOUND6");
                assertTrue(dh.stream().anyMatch(r -> OLD.equals(r.get("new_ip6_prefix"))), dhclient.allText());
                assertTrue(dh.stream().anyMatch(r -> r.get("new_ip6_address") != null && "128".equals(r.get("new_ip6_prefixlen"))), dhclient.allText());
                var p = own.where("PREFIXD_EVENT", "bound").get(0);
                assertEquals("wan0 bound", p.get("ARGS"));
                assertEquals(OLD, p.get("PREFIXD_PREFIXES_ADDED"));
                assertEquals("", p.get("PREFIXD_PREFIXES_REMOVED"));

                // the hanging script: killed at its timeout, with its background child
                Await.until("the hanging hook killed", Duration.ofSeconds(10), () -> prefixd.logText().contains("hook " + hang + " (prefixd) for wan0 bound: killed at its timeout"));
                assertTrue(prefixd.logText().contains("hook " + hang + ": | hanging"), "the tail of its output is logged");
                long child = Long.parseLong(Files.readString(childPid).trim());
                Await.until("its background sleep gone", Duration.ofSeconds(5), () -> ProcessHandle.of(child).map(h -> !h.isAlive()).orElse(true));

                // renew (T1 3 s), after an update of the hooks bundle
                prefixd.shell("update " + ConsoleProfileIT.bundleId(prefixd, "prefixd.hooks"));
                int renewedBefore = own.where("PREFIXD_EVENT", "renewed").size();
                Await.until("every style's renew run after the bundle update", Duration.ofSeconds(20),
                        () -> own.where("PREFIXD_EVENT", "renewed").size() > renewedBefore && !odhcp6c.where("ARGS", "wan0 updated").isEmpty()
                                && !wide.where("REASON", "RENEW").isEmpty() && !dhclient.where("reason", "RENEW6").isEmpty());
                assertTrue(dhclient.where("reason", "RENEW6").stream().anyMatch(r -> OLD.equals(r.get("new_ip6_prefix")) && OLD.equals(r.get("old_ip6_prefix"))),
                        dhclient.allText());

                // prefix change: Kea comes back with another pool
                kea.close();
                kea = new KeaServer(isp, dir.resolve("kea"), 3, 5, 40, 60, "2001:db8:900::");
                Await.until("the new prefix in every style", Duration.ofSeconds(40), () ->
                        odhcp6c.runs().stream().anyMatch(r -> String.valueOf(r.get("PREFIXES")).contains(NEW_START))
                                && wide.runs().stream().anyMatch(r -> String.valueOf(r.get("PDINFO")).startsWith(NEW_START))
                                && dhclient.runs().stream().anyMatch(r -> String.valueOf(r.get("new_ip6_prefix")).startsWith(NEW_START))
                                && own.runs().stream().anyMatch(r -> String.valueOf(r.get("PREFIXD_PREFIXES_ADDED")).startsWith(NEW_START)));
                var changed = own.runs().stream().filter(r -> String.valueOf(r.get("PREFIXD_PREFIXES_ADDED")).startsWith(NEW_START)).findFirst().orElseThrow();
                assertTrue(changed.get("PREFIXD_PREFIXES").startsWith(NEW_START), changed.env().toString());

                // unbound: released on request
                Cmd.Result release = prefixd.cli("release", "wan0");
                assertEquals(0, release.exit(), release.err());
                Await.until("every style's release run", Duration.ofSeconds(15), () -> !odhcp6c.where("ARGS", "wan0 unbound").isEmpty()
                        && !wide.where("REASON", "RELEASE").isEmpty() && !dhclient.where("reason", "RELEASE6").isEmpty()
                        && !own.where("PREFIXD_EVENT", "released").isEmpty());
                var unbound = odhcp6c.where("ARGS", "wan0 unbound").get(0);
                assertFalse(unbound.env().containsKey("PREFIXES"), "odhcp6c gives no PREFIXES once unbound: " + unbound.env());
                var released = own.where("PREFIXD_EVENT", "released").get(0);
                assertEquals("", released.get("PREFIXD_PREFIXES"));
                assertTrue(released.get("PREFIXD_PREFIXES_REMOVED").startsWith(NEW_START), released.env().toString());
                assertTrue(dhclient.where("reason", "RELEASE6").stream().anyMatch(r -> String.valueOf(r.get("old_ip6_prefix")).startsWith(NEW_START)), dhclient.allText());
                String log = prefixd.logText();
                assertFalse(log.contains("not run,"), "no run was refused:\n" + log);
            } finally {
                kea.close();
            }
        }
    }
}
