package org.prefixd.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * iproute2 failing under prefixd: a stand-in `ip` first in prefixd's PATH refuses address and
 * route changes (exit 2, as the kernel's refusals look), then behaves as if `ip` were not
 * installed (exit 127, as a shell says "not found"), while renewals come every 2 s and a LAN is
 * moved to another subnet. The changes are logged, retried with backoff and made once `ip`
 * works again; the lease and the session go on meanwhile.
 */
class IpFaultsIT {
    @Test
    void failedChangesAreRetriedWithBackoffAndMadeOnceIpWorksAgain() throws Exception {
        Assumptions.assumeTrue(Cmd.isRoot(), "needs root: creates network namespaces");
        Namespace[] lab = DhcpClientKeaIT.lab();
        Namespace isp = lab[0], router = lab[1];
        try (isp; router; Namespace host = new Namespace("pfx-ipf-h")) {
            router.lanTo(host, "lan0");
            Path dir = Prefixd.newDirectory("ipfaults");
            Path bin = Files.createDirectories(dir.resolve("bin"));
            Path mode = dir.resolve("ip-mode");
            Path ip = bin.resolve("ip");
            String real = Cmd.ok("sh", "-c", "command -v ip").strip();
            Files.writeString(ip, """
                    #!/bin/sh
                    # Stands in for iproute2: address and route changes fail while %1$s says so.
                    # prefixd makes them through one long-lived `ip -batch -`: that is emulated a
                    # line at a time (the mode read for each), with the real ip for the rest.
                    refuse() {
                        case "$(cat %1$s 2>/dev/null)" in
                        failing) echo "RTNETLINK answers: No buffer space available" >&2; exit 2 ;;
                        missing) echo "sh: 1: ip: not found" >&2; exit 127 ;;
                        esac
                    }
                    case " $* " in
                    *" -batch "*)
                        while IFS= read -r line; do
                            case " $line " in *" replace "*|*" del "*) refuse ;; esac
                            %2$s -6 -o $line || exit $?   # unquoted: split into words as batch mode does
                        done
                        exit 0 ;;
                    *" replace "*|*" del "*) refuse ;;
                    esac
                    exec %2$s "$@"
                    """.formatted(mode, real));
            ip.toFile().setExecutable(true);
            try (KeaServer kea = new KeaServer(isp, dir.resolve("kea"), 2, 3, 40, 60);
                 Prefixd prefixd = new Prefixd(router, dir, "embedded", false, List.of(), Map.of("PATH", bin + ":" + System.getenv("PATH")))) {
                prefixd.config("prefixd.link-wan.cfg", "interface = wan0\nmode = ethernet\n");
                prefixd.config("prefixd.dhcp6-wan.cfg", "link = wan0\niana = 1\niapd = 2/56\nfirst.solicit.delay = false\n");
                prefixd.config("prefixd.lan-lan0.cfg", "lan = lan0\n");
                Await.until("bound, the LAN's /64 on lan0", Duration.ofSeconds(15), () -> lanAddress(router, "2001:db8:100::"));

                Files.writeString(mode, "failing");
                prefixd.config("prefixd.lan-lan0.cfg", "lan = lan0\nhint = 20\n");
                Await.until("retries with a growing wait", Duration.ofSeconds(15),
                        () -> prefixd.logText().contains("(try 3); tried again in 4 s"));
                String log = prefixd.logText();
                assertTrue(log.contains("RTNETLINK answers: No buffer space available; tried again in 1 s"), prefixd.logTail());
                assertTrue(!lanAddress(router, "2001:db8:100:20::"), "the new subnet's address cannot be there yet");
                Files.writeString(mode, "missing");
                int renewed = renewals(prefixd);
                Await.until("renewals go on", Duration.ofSeconds(10), () -> renewals(prefixd) >= renewed + 2);
                Await.until("a retry of a missing ip", Duration.ofSeconds(40), () -> prefixd.logText().contains("ip: not found (try "));

                Files.writeString(mode, "working");
                Await.until("the new subnet's address made by a retry", Duration.ofSeconds(70), () -> lanAddress(router, "2001:db8:100:20::"));
                Await.until("the retries say they are done", Duration.ofSeconds(5), () -> prefixd.logText().contains(": done at try "));
                assertTrue(DhcpClientKeaIT.routed(router) && DhcpClientKeaIT.addressed(router), "the lease left the kernel");
                String all = prefixd.logText();
                long warnings = all.lines().filter(l -> l.contains("WARN") && l.contains("tried again in")).count();
                assertTrue(warnings <= 2 * 10, "retries are logged at most ten times a minute: " + warnings);
                assertTrue(all.split("wan0: soliciting", -1).length == 2, "one Solicit, at the start");
                assertTrue(prefixd.isAlive());
            }
        }
    }

    private static boolean lanAddress(Namespace router, String start) {
        return router.ip("-6", "addr", "show", "dev", "lan0", "scope", "global").contains("inet6 " + start);
    }

    private static int renewals(Prefixd prefixd) {
        return prefixd.logText().split("wan0: lease renewed", -1).length - 1;
    }
}
