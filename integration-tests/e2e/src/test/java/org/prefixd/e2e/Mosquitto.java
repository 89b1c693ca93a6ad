package org.prefixd.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A Mosquitto broker in a namespace: TLS only, clients known by their certificate (the CN is the
 * username), the fleet's ACL from configs/fleet/mosquitto-acl (each router under its own id, the
 * controller everywhere), persistent sessions kept across a stop and a start. With clients of the
 * same namespace: {@link #subscribe} (mosquitto_sub) and {@link #publish} (mosquitto_pub).
 */
final class Mosquitto implements AutoCloseable {
    static final int PORT = 8883;
    final Namespace ns;
    final String address;
    final TestPki pki;
    private final Path dir;
    private Process process;

    /** The fleet's own namespace, linked to the router's (its mgmt0, fd00:f::1), with the brokers' addresses. */
    static Namespace fleetNamespace(Namespace router, String... brokerAddresses) {
        Namespace fleet = new Namespace("pfx-flt");
        router.lanTo(fleet, "mgmt0");
        router.ip("addr", "add", "fd00:f::1/64", "dev", "mgmt0", "nodad");
        for (String a : brokerAddresses) fleet.ip("addr", "add", a + "/64", "dev", "eth0", "nodad");
        return fleet;
    }

    Mosquitto(Namespace ns, String address, Path dir, TestPki pki, Path acl) throws IOException {
        this(ns, address, dir, pki, acl, List.of(), List.of());
    }

    /**
     * @param alsoOn more addresses it listens on, with the same TLS
     * @param bridge the lines of a bridge to another broker (Mosquitto's "connection" section)
     */
    Mosquitto(Namespace ns, String address, Path dir, TestPki pki, Path acl, List<String> alsoOn, List<String> bridge) throws IOException {
        this.ns = ns;
        this.address = address;
        this.dir = Files.createDirectories(dir);
        this.pki = pki;
        if (!Files.exists(pki.cert("broker"))) pki.server("broker", address);
        List<String> conf = new ArrayList<>(List.of(
                "user root", // started as root it would become mosquitto, and not reach the test's directory
                "per_listener_settings false",
                "allow_anonymous false",
                "acl_file " + acl.toAbsolutePath(),
                "persistence true",
                "set_tcp_nodelay true",
                "persistence_location " + dir + "/",
                "log_dest file " + dir.resolve("mosquitto.log"),
                "log_type all"));
        List<String> addresses = new ArrayList<>(List.of(address));
        addresses.addAll(alsoOn);
        for (String a : addresses) // TLS settings belong to the listener before them
            conf.addAll(List.of("listener " + PORT + " " + a, "cafile " + pki.ca(), "certfile " + pki.cert("broker"), "keyfile " + pki.key("broker"),
                    "require_certificate true", "use_identity_as_username true"));
        conf.addAll(bridge);
        Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n", conf) + "\n");
        start();
    }

    void start() throws IOException {
        process = new ProcessBuilder("ip", "netns", "exec", ns.name, "mosquitto", "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.out").toFile()).start();
        Await.until("mosquitto listening on [" + address + "]:" + PORT, Duration.ofSeconds(10), () -> {
            if (!process.isAlive()) throw new IllegalStateException("mosquitto exited: " + read("mosquitto.out") + read("mosquitto.log"));
            return Cmd.run(List.of("ip", "netns", "exec", ns.name, "ss", "-Htln", "sport = :" + PORT)).out().contains("[" + address + "]:" + PORT);
        });
    }

    /** Stopped as an administrator stops it (SIGTERM): its sessions saved, its clients cut off. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) kill();
    }

    /** Stopped as a crash would stop it. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
    }

    String log() {
        return read("mosquitto.log");
    }

    private String read(String name) {
        try {
            return Files.exists(dir.resolve(name)) ? Files.readString(dir.resolve(name)) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    private List<String> tls(String who) {
        return List.of("-h", address, "-p", String.valueOf(PORT), "--cafile", pki.ca().toString(), "--cert", pki.cert(who).toString(),
                "--key", pki.key(who).toString(), "-V", "mqttv5");
    }

    /** Publishes one message as {@code who} (a client certificate's name), QoS 1. */
    void publish(String who, String topic, String payload) {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", ns.name, "mosquitto_pub"));
        command.addAll(tls(who));
        command.addAll(List.of("-q", "1", "-i", who + "-pub", "-t", topic, "-m", payload));
        Cmd.Result r = Cmd.run(command);
        if (r.exit() != 0) throw new IllegalStateException("mosquitto_pub: " + r.out() + r.err());
    }

    /**
     * A subscriber as {@code who}, under the client id {@code id}: "topic payload" lines as they
     * come; {@code persistent} keeps its session (and what comes for it) while it is away.
     */
    Subscriber subscribe(String who, String id, boolean persistent, String... topics) throws IOException {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", ns.name, "mosquitto_sub"));
        command.addAll(tls(who));
        command.addAll(List.of("-v", "-q", "1", "-i", id));
        if (persistent) command.addAll(List.of("-c", "-x", "3600"));
        for (String t : topics) command.addAll(List.of("-t", t));
        int before = log().length();
        Subscriber s = new Subscriber(new ProcessBuilder(command).redirectErrorStream(true).start());
        Await.until(id + "'s subscription in the broker's log", Duration.ofSeconds(10), () -> log().substring(before).contains("Received SUBSCRIBE from " + id));
        return s;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) kill();
    }

    /** The lines a mosquitto_sub printed. */
    static final class Subscriber implements AutoCloseable {
        final List<String> lines = new CopyOnWriteArrayList<>();
        private final Process process;

        Subscriber(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) lines.add(line);
                } catch (IOException ignored) {
                    // the process is gone
                }
            }, "mosquitto_sub");
            reader.setDaemon(true);
            reader.start();
        }

        /** The payloads of the messages on a topic, oldest first. */
        List<String> on(String topic) {
            List<String> out = new ArrayList<>();
            for (String line : lines) if (line.startsWith(topic + " ")) out.add(line.substring(topic.length() + 1));
            return out;
        }

        String all() {
            return String.join("\n", lines);
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
