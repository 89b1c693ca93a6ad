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
import org.prefixd.api.NetConfig;
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
            NetConfigInNamespace net = closeLater(new NetConfigInNamespace(ns));
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

    @Test
    void setsAndRemovesAnIpv4AddressWithTheLeasesTimeIdempotently() throws Exception {
        boolean root = "0".equals(run("id", "-u").trim());
        Assumptions.assumeTrue(root, "needs root: creates a network namespace");
        String ns = "pfx-netconf4-" + ProcessHandle.current().pid();
        run("ip", "netns", "add", ns);
        try {
            run("ip", "-n", ns, "link", "add", "tun4", "type", "veth", "peer", "name", "tun4p"); // no dummy driver in every kernel
            java.net.Inet4Address address = (java.net.Inet4Address) InetAddress.getByName("192.0.2.100");
            for (int i = 0; i < 2; i++) IpRoute2NetConfig.execute(inNamespace(ns, IpCommands.setAddress4(InterfaceName.of("tun4"), address, 24, 600)), false);
            String addr = run("ip", "-n", ns, "-4", "addr", "show", "dev", "tun4");
            assertTrue(addr.contains("inet 192.0.2.100/24") && addr.matches("(?s).*valid_lft (600|59\\d)sec preferred_lft (600|59\\d)sec.*"), addr);
            for (int i = 0; i < 2; i++) IpRoute2NetConfig.execute(inNamespace(ns, IpCommands.removeAddress4(InterfaceName.of("tun4"), address, 24)), true);
            assertTrue(!run("ip", "-n", ns, "-4", "addr", "show", "dev", "tun4").contains("192.0.2.100"));
            assertThrows(IllegalArgumentException.class, () -> IpCommands.setAddress4(InterfaceName.of("tun4"), address, 33, 600));
        } finally {
            run("ip", "netns", "del", ns);
        }
    }

    private static List<String> inNamespace(String ns, List<String> command) {
        List<String> out = new java.util.ArrayList<>(List.of("ip", "netns", "exec", ns));
        out.addAll(command);
        return out;
    }

    @Test
    void seesTheKernelsDuplicateAddressDetectionFail() throws Exception {
        boolean root = "0".equals(run("id", "-u").trim());
        Assumptions.assumeTrue(root, "needs root: creates a network namespace");
        String ns = "pfx-dad-" + ProcessHandle.current().pid();
        run("ip", "netns", "add", ns);
        try {
            // Both ends of a veth in one namespace: the peer already has the address, so DAD on wan0 fails.
            run("ip", "-n", ns, "link", "add", "wan0", "type", "veth", "peer", "name", "wan0p");
            run("ip", "netns", "exec", ns, "sysctl", "-q", "-w", "net.ipv6.conf.wan0.accept_dad=1", "net.ipv6.conf.wan0p.accept_dad=0");
            run("ip", "-n", ns, "link", "set", "wan0p", "up");
            run("ip", "-n", ns, "addr", "add", "2001:db8::100/128", "dev", "wan0p", "nodad");
            run("ip", "-n", ns, "link", "set", "wan0", "up");
            NetConfigInNamespace net = closeLater(new NetConfigInNamespace(ns));
            Inet6Address taken = (Inet6Address) InetAddress.getByName("2001:db8::100");
            Inet6Address free = (Inet6Address) InetAddress.getByName("2001:db8::101");
            net.setAddress(InterfaceName.of("wan0"), taken, 128, 200, 300);
            net.setAddress(InterfaceName.of("wan0"), free, 128, 200, 300);
            long deadline = System.nanoTime() + 10_000_000_000L;
            // The kernel deletes an address with finite lifetimes when DAD fails: ABSENT on a working link.
            while (net.addressState(InterfaceName.of("wan0"), free) != NetConfig.AddressState.PRESENT && System.nanoTime() < deadline)
                Thread.sleep(50); // polls the kernel, asserts no time
            assertEquals(NetConfig.AddressState.PRESENT, net.addressState(InterfaceName.of("wan0"), free));
            while (unsettled(net.addressState(InterfaceName.of("wan0"), taken)) && System.nanoTime() < deadline) Thread.sleep(50);
            assertEquals(NetConfig.AddressState.ABSENT, net.addressState(InterfaceName.of("wan0"), taken), run("ip", "-n", ns, "-6", "addr", "show", "dev", "wan0"));
            // A permanent address stays, marked dadfailed.
            run("ip", "-n", ns, "addr", "add", "2001:db8::100/128", "dev", "wan0");
            while (unsettled(net.addressState(InterfaceName.of("wan0"), taken)) && System.nanoTime() < deadline) Thread.sleep(50);
            assertEquals(NetConfig.AddressState.DUPLICATE, net.addressState(InterfaceName.of("wan0"), taken));
        } finally {
            run("ip", "netns", "del", ns);
        }
    }

    private final List<NetConfigInNamespace> opened = new java.util.ArrayList<>();

    private NetConfigInNamespace closeLater(NetConfigInNamespace net) {
        opened.add(net);
        return net;
    }

    @org.junit.jupiter.api.AfterEach
    void closeBatches() {
        opened.forEach(NetConfigInNamespace::close);
    }

    /** DAD of the address or of the link's own link-local address is still running. */
    private static boolean unsettled(NetConfig.AddressState state) {
        return state == NetConfig.AddressState.TENTATIVE || state == NetConfig.AddressState.NO_LINK;
    }

    @Test
    void aChangeTheKernelRefusesEndsTheBatchWithItsReasonAndTheNextChangeStartsANewOne() throws Exception {
        boolean root = "0".equals(run("id", "-u").trim());
        Assumptions.assumeTrue(root, "needs root: creates a network namespace");
        String ns = "pfx-batch-" + ProcessHandle.current().pid();
        run("ip", "netns", "add", ns);
        try (NetConfigInNamespace net = new NetConfigInNamespace(ns)) {
            run("ip", "-n", ns, "link", "add", "wan0", "type", "veth", "peer", "name", "wan0p");
            run("ip", "-n", ns, "link", "set", "wan0", "up");
            Inet6Address address = (Inet6Address) InetAddress.getByName("2001:db8::100");
            net.setAddress(InterfaceName.of("wan0"), address, 128, 200, 300);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> net.setAddress(InterfaceName.of("wan0"), address, 128, 300, 200));
            assertTrue(e.getMessage().contains("preferred lifetime 300 > valid lifetime 200"), "bad arguments never reach ip: " + e.getMessage());
            NetConfigException refused = assertThrows(NetConfigException.class,
                    () -> net.setAddress(InterfaceName.of("nosuch0"), address, 128, 200, 300));
            assertTrue(refused.getMessage().startsWith("ip -6 addr replace 2001:db8::100/128 dev nosuch0 ") && refused.getMessage().contains("failed (exit 1)")
                    && refused.getMessage().contains("Cannot find device \"nosuch0\"") && !refused.getMessage().contains("Command failed"), refused.getMessage());
            net.removeAddress(InterfaceName.of("wan0"), (Inet6Address) InetAddress.getByName("2001:db8::999"), 128);
            net.setUnreachableRoute(new Prefix((Inet6Address) InetAddress.getByName("2001:db8:100::"), 56));
            assertTrue(run("ip", "-n", ns, "-6", "route", "show").contains("unreachable 2001:db8:100::/56"), "made after a refusal and an idempotent removal");
        } finally {
            run("ip", "netns", "del", ns);
        }
    }

    /** Runs IpCommands inside the namespace, the way IpRoute2NetConfig runs them in its own. */
    private static final class NetConfigInNamespace implements AutoCloseable {
        private final java.util.concurrent.ScheduledExecutorService watchdog = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        private final IpBatch batch;
        private final String ns;

        NetConfigInNamespace(String ns) {
            this.ns = ns;
            this.batch = new IpBatch(List.of("ip", "-n", ns), watchdog, 10);
        }

        private void run(List<String> command, boolean removal) throws NetConfigException {
            batch.run(command, removal);
        }

        @Override
        public void close() {
            batch.close();
            watchdog.shutdownNow();
        }


        void setAddress(InterfaceName dev, Inet6Address a, int len, long pref, long valid) throws NetConfigException {
            run(IpCommands.setAddress(dev, a, len, pref, valid), false);
        }

        void removeAddress(InterfaceName dev, Inet6Address a, int len) throws NetConfigException {
            run(IpCommands.removeAddress(dev, a, len), true);
        }

        NetConfig.AddressState addressState(InterfaceName dev, Inet6Address a) throws NetConfigException {
            List<String> inNs = new java.util.ArrayList<>(List.of("ip", "netns", "exec", ns));
            inNs.addAll(IpCommands.showAddresses(dev));
            return IpCommands.addressState(IpRoute2NetConfig.execute(inNs, false), a);
        }

        void setUnreachableRoute(Prefix p) throws NetConfigException {
            run(IpCommands.setUnreachable(p), false);
        }

        void removeUnreachableRoute(Prefix p) throws NetConfigException {
            run(IpCommands.removeUnreachable(p), true);
        }
    }
}
