package org.prefixd.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * prefixd on a fleet's broker: a real Mosquitto in its own namespace with TLS, clients known by
 * their certificates and the ACL prefixd ships (runtime/fleet/mosquitto-acl); a controller
 * (mosquitto_sub and mosquitto_pub with the controller's certificate) sees the router's state,
 * events and online flag, renews its lease and moves a LAN through config-set; a client with
 * another certificate cannot command it; the broker stopped for 30 s loses nothing but what the
 * backlog's bound allows (counted), and the LAN never notices; an update of the fleet bundle
 * says offline, then online, and the lease stays; a broker whose certificate is not trusted and
 * one that never answers leave the DHCPv6 client and the LAN as they were.
 */
class FleetIT {
    private static final String BROKER = "fd00:f::2";
    private static final String ROUTER = "rtr1";
    private static final String TOPICS = "prefixd/" + ROUTER;
    private static final String LAN_ADDRESS = "2001:db8:100:5::1/64";

    @Test
    void aRouterReportsAndTakesCommandsThroughTheBrokerAndOutlivesItsAbsence() throws Exception {
        Assumptions.assumeTrue(Cmd.isRoot(), "needs root: creates network namespaces");
        Namespace[] lab = DhcpClientKeaIT.lab();
        Namespace isp = lab[0], router = lab[1];
        Namespace fleet = Mosquitto.fleetNamespace(router, BROKER);
        try (isp; router; fleet) {
            router.veth("lan0", "lan0p");
            Path dir = Prefixd.newDirectory("fleet");
            TestPki pki = new TestPki(dir.resolve("pki")).client(ROUTER).client("controller").client("rogue");
            // T1 30 s: every renewal in this test is one somebody asked for.
            try (Mosquitto broker = new Mosquitto(fleet, BROKER, dir.resolve("broker"), pki, Prefixd.ROOT.resolve("runtime/fleet/mosquitto-acl"));
                 KeaServer kea = new KeaServer(isp, dir.resolve("kea"), 30, 45, 80, 120);
                 Prefixd prefixd = new Prefixd(router, dir, "console", true)) {
                Mosquitto.Subscriber controller = broker.subscribe("controller", "controller", true, TOPICS + "/#");
                prefixd.config("prefixd.link-wan.cfg", "interface = wan0\nmode = ethernet\n");
                prefixd.config("prefixd.lan-lan0.cfg", "lan = lan0\n");
                prefixd.config("prefixd.dhcp6-wan.cfg", "link = wan0\niana = 1\niapd = 2/56\nfirst.solicit.delay = false\n");
                prefixd.config("prefixd.fleet.cfg", fleetConfig(pki, Mosquitto.PORT, pki.ca()));

                // Reports: online, the state (the document of prefixd status --json), the events.
                Await.until("online, the bound state and the bound event on the broker", Duration.ofSeconds(30), () ->
                        controller.on(TOPICS + "/online").contains("true")
                                && controller.on(TOPICS + "/state").stream().anyMatch(s -> s.contains("2001:db8:100::/56") && s.contains("\"BOUND\""))
                                && controller.on(TOPICS + "/events").stream().anyMatch(e -> e.contains("\"prefixd/lease/BOUND\"")));
                List<String> states = controller.on(TOPICS + "/state");
                JsonObject state = json(states.get(states.size() - 1));
                JsonObject status = prefixd.status();
                assertEquals(status.keySet(), state.keySet(), "the same document as prefixd status --json");
                assertEquals(status.getJsonArray("sessions").getJsonObject(0).getJsonArray("prefixes").getJsonObject(0).getString("prefix"),
                        state.getJsonArray("sessions").getJsonObject(0).getJsonArray("prefixes").getJsonObject(0).getString("prefix"));

                // renew through the broker: the Renew goes out on the WAN (the lease is renewed long before T1)
                int before = prefixd.logText().length();
                broker.publish("controller", TOPICS + "/cmd/renew", "{\"id\":\"c1\",\"link\":\"wan0\"}");
                JsonObject renewed = reply(controller, "c1");
                assertTrue(renewed.getBoolean("ok"), renewed.toString());
                Await.until("the lease renewed on the WAN", Duration.ofSeconds(10), () -> prefixd.logText().substring(before).contains("wan0: lease renewed"));
                Await.until("its event on the broker", Duration.ofSeconds(10), () -> controller.on(TOPICS + "/events").stream().anyMatch(e -> e.contains("\"prefixd/lease/RENEWED\"")));

                // config-set moves the LAN; the file holds the new hint; config-get reads it back
                broker.publish("controller", TOPICS + "/cmd/config-set", "{\"id\":\"c2\",\"pid\":\"prefixd.lan~lan0\",\"properties\":{\"lan\":\"lan0\",\"hint\":5}}");
                JsonObject set = reply(controller, "c2");
                assertTrue(set.getBoolean("ok"), set.toString());
                Await.until("lan0 in subnet 5", Duration.ofSeconds(15), () -> router.ip("-6", "addr", "show", "dev", "lan0").contains(LAN_ADDRESS));
                Path lanFile = prefixd.configs.resolve("prefixd.lan-lan0.cfg");
                assertTrue(Files.readString(lanFile).contains("\nhint = 5\n"), Files.readString(lanFile));
                broker.publish("controller", TOPICS + "/cmd/config-get", "{\"id\":\"c3\",\"pid\":\"prefixd.lan~lan0\"}");
                assertEquals("5", reply(controller, "c3").getJsonObject("properties").getString("hint"));

                // refused, with the reason, and nothing changes
                String file = Files.readString(lanFile);
                broker.publish("controller", TOPICS + "/cmd/config-set", "{\"id\":\"c4\",\"pid\":\"prefixd.lan~lan0\",\"properties\":{\"lan\":\"lan0\",\"hint\":5,\"assign\":\"sixty-four\"}}");
                JsonObject refused = reply(controller, "c4");
                assertFalse(refused.getBoolean("ok"));
                assertTrue(refused.getString("error").contains("assign"), refused.toString());
                assertEquals(file, Files.readString(lanFile), "a refused configuration is not written");
                broker.publish("controller", TOPICS + "/cmd/reboot", "{\"id\":\"c5\"}");
                assertTrue(reply(controller, "c5").getString("error").contains("no command reboot"));
                broker.publish("controller", TOPICS + "/cmd/renew", "x".repeat(20_000));
                Await.until("the oversized command refused in the log", Duration.ofSeconds(10), () -> prefixd.logText().contains("renew refused: a payload of 20000 bytes"));

                // another certificate cannot command this router: the broker's ACL denies it
                int renewals = count(prefixd.logText(), "wan0: lease renewed");
                broker.publish("rogue", TOPICS + "/cmd/renew", "{\"id\":\"rogue1\",\"link\":\"wan0\"}");
                broker.publish("controller", TOPICS + "/cmd/reload", "{\"id\":\"c6\"}");
                assertTrue(reply(controller, "c6").getBoolean("ok"));
                assertTrue(broker.log().contains("Denied PUBLISH from rogue-pub"), broker.log());
                assertTrue(controller.on(TOPICS + "/reply/rogue1").isEmpty());
                assertEquals(renewals, count(prefixd.logText(), "wan0: lease renewed"), "no renewal for the rogue");

                // the controller command: one line per router; a renewal, waiting for the reply
                Cmd.Result fleetStatus = controllerCommand(fleet, pki, "controller", "status");
                assertEquals(0, fleetStatus.exit(), fleetStatus.err());
                assertTrue(fleetStatus.out().matches("(?s)" + ROUTER + " +online +wan0 BOUND 2001:db8:100::/56 \\(valid \\d+ (s|min)\\)  last prefixd/.*"), fleetStatus.out());
                int renewedBefore = count(prefixd.logText(), "wan0: lease renewed");
                Cmd.Result renew = controllerCommand(fleet, pki, "controller", "renew", ROUTER, "wan0");
                assertEquals(0, renew.exit(), renew.out() + renew.err());
                Await.until("the controller's renewal on the WAN", Duration.ofSeconds(10), () -> count(prefixd.logText(), "wan0: lease renewed") > renewedBefore);
                Cmd.Result rogue = controllerCommand(fleet, pki, "rogue", "renew", ROUTER, "wan0", "--wait", "1");
                assertEquals(1, rogue.exit(), rogue.out() + rogue.err());
                System.out.println("FleetIT: the rogue controller: " + rogue.err().strip());

                // The broker stopped for 30 s: events queue (bound 16), the LAN and the WAN go on.
                controller.close();
                broker.stop();
                Instant stopped = Instant.now();
                int asked = 0;
                while (Duration.between(stopped, Instant.now()).getSeconds() < 30) {
                    int n = count(prefixd.logText(), "wan0: lease renewed");
                    assertEquals(0, prefixd.cli("renew", "wan0").exit());
                    asked++;
                    Await.until("renewal " + asked + " while the broker is away", Duration.ofSeconds(10), () -> count(prefixd.logText(), "wan0: lease renewed") > n);
                    assertTrue(router.ip("-6", "addr", "show", "dev", "lan0").contains(LAN_ADDRESS), "the LAN keeps its subnet");
                }
                assertTrue(asked > 16, "more events than the backlog holds: " + asked);
                broker.start();
                Mosquitto.Subscriber again = broker.subscribe("controller", "controller", true, TOPICS + "/#");
                Await.until("back online, the state again and the dropped events counted", Duration.ofSeconds(75), () ->
                        again.on(TOPICS + "/online").contains("true") && !again.on(TOPICS + "/state").isEmpty()
                                && again.on(TOPICS + "/events").stream().anyMatch(e -> e.contains("\"prefixd/fleet/DROPPED\"")));
                Await.until("the backlog sent", Duration.ofSeconds(10), () -> again.on(TOPICS + "/events").size() >= 17);
                TreeSet<Long> ids = new TreeSet<>();
                long dropped = 0;
                for (String e : controller.on(TOPICS + "/events")) ids.add(json(e).getJsonNumber("id").longValue());
                for (String e : again.on(TOPICS + "/events")) {
                    JsonObject o = json(e);
                    ids.add(o.getJsonNumber("id").longValue());
                    if (o.getString("topic").equals("prefixd/fleet/DROPPED")) dropped += o.getJsonNumber("dropped").longValue();
                }
                long missing = ids.last() - ids.first() + 1 - ids.size();
                System.out.println("FleetIT: " + asked + " renewals while the broker was away; " + ids.size() + " event ids seen, " + missing
                        + " missing, " + dropped + " reported dropped");
                assertTrue(dropped > 0, "the bound dropped some");
                assertEquals(dropped, missing, "nothing lost but what the bound dropped, and that counted: " + again.all());
                assertEquals("BOUND", prefixd.status().getJsonArray("sessions").getJsonObject(0).getString("state"));

                // An update of the fleet bundle: offline, online again, the state again; the lease stays.
                int online = again.on(TOPICS + "/online").size(), statesBefore = again.on(TOPICS + "/state").size();
                prefixd.shell("update " + ConsoleProfileIT.bundleId(prefixd, "prefixd.fleet.mqtt"));
                Await.until("offline, then online after the update", Duration.ofSeconds(20), () -> {
                    List<String> flags = again.on(TOPICS + "/online");
                    return flags.size() >= online + 2 && flags.subList(online, flags.size()).equals(List.of("false", "true"))
                            && again.on(TOPICS + "/state").size() > statesBefore;
                });
                assertTrue(router.ip("-6", "addr", "show", "dev", "lan0").contains(LAN_ADDRESS));
                again.close();

                // Its failures never touch the WAN or the LAN: a broker whose certificate this router
                // does not trust (a TLS error), then one that takes the connection and never answers.
                int beforeTls = prefixd.logText().length();
                prefixd.config("prefixd.fleet.cfg", fleetConfig(pki, Mosquitto.PORT, new TestPki(dir.resolve("other-pki")).ca()));
                Await.until("the TLS error logged", Duration.ofSeconds(20), () -> prefixd.logText().substring(beforeTls).contains("SSLHandshakeException"));
                renewsNow(prefixd, "while the broker's certificate is refused");
                Process silent = new ProcessBuilder("ip", "netns", "exec", fleet.name, "socat", "TCP6-LISTEN:8884,bind=[" + BROKER + "],reuseaddr,fork",
                        "SYSTEM:sleep 120").redirectErrorStream(true).redirectOutput(dir.resolve("silent-broker.log").toFile()).start();
                try {
                    int beforeSilent = prefixd.logText().length();
                    prefixd.config("prefixd.fleet.cfg", fleetConfig(pki, 8884, pki.ca()));
                    renewsNow(prefixd, "while the connection to a silent broker hangs");
                    Await.until("the silent broker given up", Duration.ofSeconds(30),
                            () -> prefixd.logText().substring(beforeSilent).contains("fleet: no connection to ssl://[" + BROKER + "]:8884"));
                    renewsNow(prefixd, "after it");
                } finally {
                    silent.destroy();
                }
                assertTrue(router.ip("-6", "addr", "show", "dev", "lan0").contains(LAN_ADDRESS), "the LAN kept its subnet");
                assertEquals("BOUND", prefixd.status().getJsonArray("sessions").getJsonObject(0).getString("state"));
            }
        }
    }

    /** The router's fleet configuration: its own certificate, the broker at {@code port}, {@code ca} trusted. */
    private static String fleetConfig(TestPki pki, int port, Path ca) {
        return "brokers = ssl://[" + BROKER + "]:" + port + "\nrouter.id = " + ROUTER + "\ntls.ca = " + ca + "\ntls.cert = " + pki.cert(ROUTER)
                + "\ntls.key = " + pki.key(ROUTER) + "\nbacklog = 16\n";
    }

    /** {@code prefixd renew wan0} answered and the lease renewed on the WAN within seconds. */
    private static void renewsNow(Prefixd prefixd, String when) {
        int n = count(prefixd.logText(), "wan0: lease renewed");
        Cmd.Result r = prefixd.cli("renew", "wan0");
        assertEquals(0, r.exit(), when + ": " + r.err());
        Await.until("a renewal " + when, Duration.ofSeconds(10), () -> count(prefixd.logText(), "wan0: lease renewed") > n);
    }

    /** {@code prefixd fleet ...} in the broker's namespace, with {@code who}'s certificate. */
    private static Cmd.Result controllerCommand(Namespace fleet, TestPki pki, String who, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("ip", "netns", "exec", fleet.name, Prefixd.LAUNCHER.toString(), "fleet"));
        command.addAll(List.of(args));
        command.addAll(List.of("--broker", "ssl://[" + BROKER + "]:" + Mosquitto.PORT, "--ca", pki.ca().toString(), "--cert", pki.cert(who).toString(),
                "--key", pki.key(who).toString()));
        return Cmd.run(command);
    }

    private static JsonObject reply(Mosquitto.Subscriber controller, String id) {
        String topic = TOPICS + "/reply/" + id;
        Await.until("the reply to " + id, Duration.ofSeconds(15), () -> !controller.on(topic).isEmpty());
        return json(controller.on(topic).get(0));
    }

    private static JsonObject json(String text) {
        return Prefixd.JSON.createReader(new StringReader(text)).readObject();
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) n++;
        return n;
    }
}
