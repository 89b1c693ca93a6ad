package org.prefixd.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The README's run command, as a router owner without a router would run it. */
class LabIT {
    @Test
    void theLabRunsItsWholeDemonstrationAndCleansUp() {
        Assumptions.assumeTrue(Cmd.isRoot(), "needs root: creates network namespaces");
        Cmd.Result lab = Cmd.run(List.of("timeout", "120", Prefixd.ROOT.resolve("run-lab").toString(), "--once"));
        String output = lab.out() + lab.err();
        assertEquals(0, lab.exit(), output);
        assertTrue(output.contains("pppd pid"), output);
        assertTrue(output.contains("prefix  2001:db8:100::/56"), "the lab got a delegated prefix from Kea:\n" + output);
        assertTrue(output.matches("(?s).*ms  LAN host address: 2001:db8:100:0:[0-9a-f:]+/64.*"), "the LAN host autoconfigured:\n" + output);
        assertTrue(output.contains("Recursive DNS server     : 2001:db8:ffff::53"), "the RA carried the DNS server:\n" + output);
        assertTrue(output.contains("64 bytes from 2001:db8:100::1"), "the LAN host reached the router:\n" + output);
        assertTrue(output.matches("(?s).*hook: wan0 bound PREFIXES=2001:db8:100::/56,\\d+,\\d+,class=00000002 RDNSS=2001:db8:ffff::53.*"),
                "the owner's hook ran with odhcp6c's variables:\n" + output);
        assertTrue(output.contains("(a flap inside the debounce)"), output);
        assertTrue(output.contains("ppp0 is down: pppd process"), output);
        assertTrue(output.contains("prefixd exited with 0"), output);
        String namespaces = Cmd.ok("ip", "netns", "list");
        assertTrue(!namespaces.contains("prefixd-lab"), "the lab left namespaces behind: " + namespaces);
        assertTrue(Cmd.run(List.of("pgrep", "-f", "radvd -n -C " + Prefixd.ROOT.resolve("lab"))).exit() != 0, "the lab left radvd running");
    }
}
