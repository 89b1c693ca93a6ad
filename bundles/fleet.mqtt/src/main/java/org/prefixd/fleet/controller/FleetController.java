package org.prefixd.fleet.controller;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.io.StringReader;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.prefixd.fleet.FleetTopics;
import org.prefixd.fleet.TlsFiles;
import org.prefixd.fleet.TlsSocketFactory;

/**
 * The controller side of the fleet ({@code prefixd fleet …}): {@code status} subscribes to every
 * router's state, online flag and last event (retained) and prints one line per router;
 * the commands publish on the router's {@code cmd/<name>} and wait for its reply.
 * Exit 0: done; 1: refused, no reply, or no broker; 2: usage.
 */
public final class FleetController {
    private FleetController() {
    }

    public static void main(String[] argv) {
        ControllerOptions options;
        try {
            options = ControllerOptions.parse(argv);
        } catch (IllegalArgumentException e) {
            System.err.println("prefixd fleet: " + e.getMessage());
            System.err.print(ControllerOptions.USAGE);
            System.exit(2);
            return;
        }
        try {
            System.exit(run(options));
        } catch (MqttException | IOException | IllegalArgumentException | InterruptedException | TimeoutException e) {
            System.err.println("prefixd fleet: " + e.getMessage() + (e.getCause() != null ? " (" + e.getCause() + ")" : ""));
            System.exit(1);
        }
    }

    static int run(ControllerOptions o) throws MqttException, IOException, InterruptedException, TimeoutException {
        String clientId = "prefixd-fleet-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        MqttAsyncClient client = new MqttAsyncClient(TlsSocketFactory.pahoUri(o.broker()), clientId, new MemoryPersistence());
        MqttConnectionOptions connect = new MqttConnectionOptions();
        connect.setCleanStart(true);
        connect.setConnectionTimeout(10);
        o.username().ifPresent(connect::setUserName);
        if (o.passwordFile().isPresent()) connect.setPassword(Files.readString(o.passwordFile().get()).strip().getBytes(StandardCharsets.UTF_8));
        if (o.broker().startsWith("ssl://")) connect.setSocketFactory(new TlsSocketFactory(TlsFiles.socketFactory(o.ca(), o.cert(), o.key())));
        try {
            client.connect(connect).waitForCompletion(15_000);
            return o.command().equals("status") ? status(client, o) : command(client, o);
        } finally {
            if (client.isConnected()) client.disconnect().waitForCompletion(2000);
            client.close(true);
        }
    }

    private static int status(MqttAsyncClient client, ControllerOptions o) throws MqttException, InterruptedException {
        FleetView view = new FleetView(o.prefix());
        String[] topics = {o.prefix() + "/+/state", o.prefix() + "/+/online", o.prefix() + "/+/events"};
        client.setCallback(new PahoMessages((topic, payload) -> {
            synchronized (view) {
                view.message(topic, payload);
            }
        }));
        client.subscribe(topics, new int[] {1, 1, 1}).waitForCompletion(10_000);
        TimeUnit.MILLISECONDS.sleep(o.listen().toMillis()); // retained messages come at once; live ones during the wait
        synchronized (view) {
            System.out.print(o.json() ? view.json() + "\n" : view.text(Instant.now()));
        }
        return 0;
    }

    private static int command(MqttAsyncClient client, ControllerOptions o) throws MqttException, InterruptedException, TimeoutException {
        FleetTopics router = new FleetTopics(o.prefix(), o.args().get(0));
        String id = "c" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        JsonObjectBuilder payload = FleetView.JSON.createObjectBuilder().add("id", id);
        switch (o.command()) {
            case "renew", "release" -> payload.add("link", o.args().get(1));
            case "config-get" -> payload.add("pid", o.args().get(1));
            case "config-set" -> {
                payload.add("pid", o.args().get(1));
                JsonObjectBuilder properties = FleetView.JSON.createObjectBuilder();
                for (String kv : o.args().subList(2, o.args().size())) {
                    int eq = kv.indexOf('=');
                    if (eq < 1) throw new IllegalArgumentException("config-set: '" + kv + "' is not KEY=VALUE");
                    properties.add(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
                }
                payload.add("properties", properties);
            }
            default -> { }
        }
        CompletableFuture<String> reply = new CompletableFuture<>();
        client.setCallback(new PahoMessages((topic, bytes) -> reply.complete(new String(bytes, StandardCharsets.UTF_8))));
        client.subscribe(router.reply(id), 1).waitForCompletion(10_000);
        MqttMessage message = new MqttMessage(payload.build().toString().getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        client.publish(router.command(o.command()), message).waitForCompletion(10_000);
        String answer;
        try {
            answer = reply.get(Math.max(5, o.listen().getSeconds() * 5), TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        } catch (TimeoutException e) {
            throw new TimeoutException("no reply from " + o.args().get(0) + " (offline, not allowed by the broker's ACL, or commands not taken over tcp://)");
        }
        JsonObject r = FleetView.JSON.createReader(new StringReader(answer)).readObject();
        if (o.json()) System.out.println(r);
        else if (r.getBoolean("ok", false)) System.out.println(r.containsKey("properties") ? properties(r.getJsonObject("properties")) : r.getString("result", "ok"));
        else System.err.println(o.args().get(0) + ": " + r.getString("error", "refused"));
        return r.getBoolean("ok", false) ? 0 : 1;
    }

    private static String properties(JsonObject p) {
        StringBuilder out = new StringBuilder();
        for (var e : p.entrySet()) out.append(e.getKey()).append(" = ").append(e.getValue() instanceof jakarta.json.JsonString s ? s.getString() : e.getValue().toString()).append('\n');
        return out.toString().stripTrailing();
    }
}
