package org.prefixd.netconf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.prefixd.api.InterfaceName;
import org.prefixd.api.NetConfigException;
import org.prefixd.api.Prefix;

/**
 * The real iproute2 inside a network namespace this test creates: the test JVM cannot enter
 * one, so the commands go through a tiny "ip" wrapper that runs them with `ip -n NS`.
 */
class IpRoute2NetConfigNamespaceTest {
    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new AssertionError(String.join(" ", command) + ": " + out);
        return out;
    }

    @Test
    void setsAndRemovesAddressesAndUnreachableRoutesIdempotently() throws Exception {
        boolean root = "0".equals(run("id", "-u").trim());
        Assumptions.assumeTrue(root, "needs root: creates a network namespace");
        String ns = "pfx-netconf-" + ProcessHandle.current().pid();
        run("ip", "netns", "add", ns);
        try {
            run("ip", "-n", ns, "link", "add", "wan0", "type", "veth", "peer", "name", "wan0p");
            run("ip", "-n", ns, "link", "set", "wan0", "up");
            NetConfigInNamespace net = new NetConfigInNamespace(ns);
            Inet6Address address = (Inet6Address) InetAddress.getByName("2001:db8::100");
            Prefix delegated = new Prefix((Inet6Address) InetAddress.getByName("2001:db8:100::"), 56);
            for (int i = 0; i < 2; i++) { // twice: idempotent
                net.setAddress(InterfaceName.of("wan0"), address, 128, 200, 300);
                net.setUnreachableRoute(delegated);
            }
            String addr = run("ip", "-n", ns, "-6", "addr", "show", "dev", "wan0");
            assertTrue(addr.contains("2001:db8::100/128") && addr.matches("(?s).*valid_lft (300|29\\d)sec preferred_lft (200|19\\d)sec.*"), addr);
            assertTrue(run("ip", "-n", ns, "-6", "route", "show").contains("unreachable 2001:db8:100::/56"));
            for (int i = 0; i < 2; i++) {
                net.removeAddress(InterfaceName.of("wan0"), address, 128);
                net.removeUnreachableRoute(delegated);
            }
            assertTrue(!run("ip", "-n", ns, "-6", "addr", "show", "dev", "wan0").contains("2001:db8::100"));
            NetConfigException e = assertThrows(NetConfigException.class,
                    () -> net.setAddress(InterfaceName.of("nosuch0"), address, 128, 200, 300));
            assertTrue(e.getMessage().contains("nosuch0") && e.getMessage().contains("failed"), e.getMessage());
        } finally {
            run("ip", "netns", "del", ns);
        }
    }

    /** Runs IpCommands inside the namespace, the way IpRoute2NetConfig runs them in its own. */
    private static final class NetConfigInNamespace {
        private final String ns;

        NetConfigInNamespace(String ns) {
            this.ns = ns;
        }

        private void run(List<String> command, boolean removal) throws NetConfigException {
            List<String> inNs = new java.util.ArrayList<>(List.of("ip", "netns", "exec", ns));
            inNs.addAll(command);
            IpRoute2NetConfig.execute(inNs, removal);
        }

        void setAddress(InterfaceName dev, Inet6Address a, int len, long pref, long valid) throws NetConfigException {
            run(IpCommands.setAddress(dev, a, len, pref, valid), false);
        }

        void removeAddress(InterfaceName dev, Inet6Address a, int len) throws NetConfigException {
            run(IpCommands.removeAddress(dev, a, len), true);
        }

        void setUnreachableRoute(Prefix p) throws NetConfigException {
            run(IpCommands.setUnreachable(p), false);
        }

        void removeUnreachableRoute(Prefix p) throws NetConfigException {
            run(IpCommands.removeUnreachable(p), true);
        }
    }
}
