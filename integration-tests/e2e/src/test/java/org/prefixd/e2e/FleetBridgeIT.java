package org.prefixd.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The way fleets grow past one broker: two Mosquitto brokers bridged (TLS both ways, the bridge
 * known by its certificate and allowed by the shipped ACL), a router on each, and a controller on
 * the second sees both and renews the lease of the router on the first.
 */
class FleetBridgeIT {
    private static final String BROKER_A = "fd00:f::2", BROKER_B = "fd00:f::3";

    @Test
    void aControllerOnEitherBrokerSeesAndCommandsTheRoutersOfBoth() throws Exception {
        Assumptions.assumeTrue(Cmd.isRoot(), "needs root: creates network namespaces");
        Namespace[] lab = DhcpClientKeaIT.lab();
        Namespace isp = lab[0], router = lab[1];
        Namespace fleet = Mosquitto.fleetNamespace(router, BROKER_A, BROKER_B);
        try (isp; router; fleet) {
            Path dir = Prefixd.newDirectory("fleetbridge");
            TestPki pki = new TestPki(dir.resolve("pki")).server("broker", BROKER_A, BROKER_B, "127.0.0.1")
                    .client("rtr1").client("rtr2").client("controller").client("bridge");
            Path acl = Prefixd.ROOT.resolve("runtime/fleet/mosquitto-acl");
            List<String> bridge = List.of("connection to-a", "address 127.0.0.1:" + Mosquitto.PORT, "topic prefixd/# both 1",
                    "bridge_cafile " + pki.ca(), "bridge_certfile " + pki.cert("bridge"), "bridge_keyfile " + pki.key("bridge"),
                    "cleansession true", "restart_timeout 1");
            try (Mosquitto a = new Mosquitto(fleet, BROKER_A, dir.resolve("broker-a"), pki, acl, List.of("127.0.0.1"), List.of());
                 Mosquitto b = new Mosquitto(fleet, BROKER_B, dir.resolve("broker-b"), pki, acl, List.of(), bridge);
                 KeaServer kea = new KeaServer(isp, dir.resolve("kea"), 30, 45, 80, 120);
                 Prefixd first = new Prefixd(router, dir.resolve("rtr1"), "embedded");
                 Prefixd second = new Prefixd(router, dir.resolve("rtr2"), "embedded")) {
                Await.until("the bridge up", Duration.ofSeconds(15), () -> a.log().contains("as to-a") || a.log().contains("u'bridge'"));
                first.config("prefixd.link-wan.cfg", "interface = wan0\nmode = ethernet\n");
                first.config("prefixd.dhcp6-wan.cfg", "link = wan0\niana = 1\niapd = 2/56\nfirst.solicit.delay = false\n");
                first.config("prefixd.fleet.cfg", fleetConfig(pki, BROKER_A, "rtr1"));
                second.config("prefixd.fleet.cfg", fleetConfig(pki, BROKER_B, "rtr2"));

                Await.until("both routers in the view of a controller on broker B", Duration.ofSeconds(30), () -> {
                    Cmd.Result status = controller(fleet, pki, BROKER_B, "status");
                    return status.exit() == 0 && status.out().matches("(?s).*rtr1 +online +wan0 BOUND 2001:db8:100::/56 .*") && status.out().matches("(?s).*rtr2 +online.*");
                });
                Cmd.Result onA = controller(fleet, pki, BROKER_A, "status", "--json");
                assertEquals(0, onA.exit(), onA.err());
                assertTrue(onA.out().contains("\"id\":\"rtr1\"") && onA.out().contains("\"id\":\"rtr2\""), "and on broker A: " + onA.out());

                int before = first.logText().length();
                Cmd.Result renew = controller(fleet, pki, BROKER_B, "renew", "rtr1", "wan0");
                assertEquals(0, renew.exit(), renew.out() + renew.err());
                Await.until("rtr1's renewal, commanded through the bridge", Duration.ofSeconds(10), () -> first.logText().substring(before).contains("wan0: lease renewed"));
            }
        }
    }

    private static String fleetConfig(TestPki pki, String broker, String id) {
        return "brokers = ssl://[" + broker + "]:" + Mosquitto.PORT + "\nrouter.id = " + id + "\ntls.ca = " + pki.ca() + "\ntls.cert = " + pki.cert(id)
                + "\ntls.key = " + pki.key(id) + "\n";
    }

    private static Cmd.Result controller(Namespace fleet, TestPki pki, String broker, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("ip", "netns", "exec", fleet.name, Prefixd.LAUNCHER.toString(), "fleet"));
        command.addAll(List.of(args));
        command.addAll(List.of("--wait", "1", "--broker", "ssl://[" + broker + "]:" + Mosquitto.PORT, "--ca", pki.ca().toString(), "--cert",
                pki.cert("controller").toString(), "--key", pki.key("controller").toString()));
        return Cmd.run(command);
    }
}
