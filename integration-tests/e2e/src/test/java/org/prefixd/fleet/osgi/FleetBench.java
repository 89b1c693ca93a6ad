package org.prefixd.fleet.osgi;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.osgi.service.log.Logger;
import org.prefixd.api.InterfaceName;
import org.prefixd.api.SessionControl;
import org.prefixd.fleet.CommandHandler;
import org.prefixd.fleet.CommandReader;
import org.prefixd.fleet.FleetCommand;
import org.prefixd.fleet.FleetSettings;
import org.prefixd.fleet.FleetTopics;
import org.prefixd.fleet.Reconnect;
import org.prefixd.fleet.TlsFiles;
import org.prefixd.fleet.TlsSocketFactory;

/**
 * runtime/bench/fleet's driver: N routers, each the fleet bundle's own broker link (BrokerLink:
 * Paho, TLS, Last Will, jittered reconnect) with the command reader and handler, in one JVM
 * without a prefixd each; a renew makes its router publish a new state. A controller sends
 * commands one at a time and times the reply and the new state; then the broker is restarted
 * (the script does it: told on stdout, it answers "stopped" and "back" on stdin) and each
 * router's reconnection is timed from the broker's return.
 * Prints figures; asserts nothing (a benchmark).
 *
 * <pre>FleetBench BROKER-URI CA CERT KEY ROUTERS COMMANDS</pre>
 */
public final class FleetBench {
    private static final Logger QUIET = (Logger) java.lang.reflect.Proxy.newProxyInstance(FleetBench.class.getClassLoader(), new Class<?>[] {Logger.class},
            (proxy, method, args) -> method.getReturnType() == boolean.class ? Boolean.FALSE : method.getReturnType() == String.class ? "bench" : null);

    /** One simulated router: its own link and thread, as the component has. */
    static final class Router implements BrokerLink.Listener {
        final String id;
        final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
        final BrokerLink link;
        final CommandHandler handler;
        volatile long connectedAt;
        /** Counted down by each router's connection: all of them connected (again) when it reaches 0. */
        static volatile java.util.concurrent.CountDownLatch connections;
        volatile int renewals;

        Router(String id, FleetSettings settings) {
            this.id = id;
            FleetTopics topics = new FleetTopics("prefixd", id);
            SessionControl session = new SessionControl() {
                @Override
                public Optional<String> renew(InterfaceName link) {
                    renewals++;
                    loop.execute(Router.this::publishState); // the state changes after a renewal
                    return Optional.of("renewing " + link);
                }

                @Override
                public Optional<String> release(InterfaceName link) {
                    return Optional.empty();
                }
            };
            this.handler = new CommandHandler(() -> List.of(session), Optional::empty, Optional::empty);
            this.link = new BrokerLink(settings, () -> Optional.of(topics), loop, QUIET, this,
                    new Reconnect(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> ThreadLocalRandom.current().nextDouble()));
        }

        void publishState() {
            String state = "{\"links\":[],\"sessions\":[{\"link\":\"wan0\",\"state\":\"BOUND\",\"renewals\":" + renewals + "}],\"lanClients\":[]}";
            link.publish(link.topics().state(), state.getBytes(StandardCharsets.UTF_8), true, null);
        }

        @Override
        public void connected() {
            if (connectedAt == 0) {
                connectedAt = System.nanoTime();
                connections.countDown();
            }
            publishState();
        }

        @Override
        public void command(String topic, byte[] payload, boolean retained) {
            Optional<String> name = link.topics().commandOf(topic);
            if (name.isEmpty() || retained) return;
            FleetCommand.Parsed parsed = CommandReader.parse(name.get(), payload);
            parsed.command().ifPresent(c -> link.publish(link.topics().reply(c.requestId()), handler.run(c).toString().getBytes(StandardCharsets.UTF_8), false, null));
        }

        @Override
        public void delivered(Object context) {
        }

        @Override
        public void lost() {
        }
    }

    public static void main(String[] args) throws Exception {
        String broker = args[0];
        Path ca = Path.of(args[1]), cert = Path.of(args[2]), key = Path.of(args[3]);
        int n = Integer.parseInt(args[4]), commands = Integer.parseInt(args[5]);
        var memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        int threadsBefore = Thread.activeCount();
        long rssBefore = rss();

        List<Router> routers = new ArrayList<>();
        Router.connections = new java.util.concurrent.CountDownLatch(n);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            String id = String.format("r%05d", i);
            FleetSettings settings = FleetSettings.of(new String[] {broker}, id, "prefixd", ca.toString(), cert.toString(), key.toString(), "", "", 60, 1000, 250);
            Router r = new Router(id, settings);
            routers.add(r);
            r.link.start();
        }
        awaitAll("connected");
        System.gc();
        long heapAfter = memory.getHeapMemoryUsage().getUsed();
        System.out.printf("fleet-bench: %d routers connected over TLS in %d ms; per router connection: heap %.1f kB, RSS %.1f kB, %.1f threads%n", n,
                (System.nanoTime() - start) / 1_000_000, (heapAfter - heapBefore) / 1024.0 / n, (rss() - rssBefore) / 1024.0 / n,
                (Thread.activeCount() - threadsBefore) / (double) n);

        // The controller: one command at a time, to a random router; the reply and the new state timed.
        Map<String, Long> replies = new ConcurrentHashMap<>(), states = new ConcurrentHashMap<>();
        MqttAsyncClient controller = new MqttAsyncClient(TlsSocketFactory.pahoUri(broker), "bench-controller", new MemoryPersistence());
        controller.setCallback(new org.prefixd.fleet.controller.PahoMessages((topic, payload) -> {
            long now = System.nanoTime();
            if (topic.contains("/reply/")) replies.put(topic.substring(topic.lastIndexOf('/') + 1), now);
            else if (topic.endsWith("/state")) states.put(topic + " " + new String(payload, StandardCharsets.UTF_8), now);
        }));
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setSocketFactory(new TlsSocketFactory(TlsFiles.socketFactory(Optional.of(ca), Optional.of(cert), Optional.of(key))));
        controller.connect(options).waitForCompletion(10_000);
        controller.subscribe(new String[] {"prefixd/+/reply/+", "prefixd/+/state"}, new int[] {1, 1}).waitForCompletion(10_000);
        List<Double> toReply = new ArrayList<>(), toState = new ArrayList<>();
        for (int c = 0; c < commands; c++) {
            Router r = routers.get(ThreadLocalRandom.current().nextInt(n));
            String id = "b" + c;
            String expectedState = "prefixd/" + r.id + "/state {\"links\":[],\"sessions\":[{\"link\":\"wan0\",\"state\":\"BOUND\",\"renewals\":" + (r.renewals + 1) + "}],\"lanClients\":[]}";
            long t0 = System.nanoTime();
            MqttMessage m = new MqttMessage(("{\"id\":\"" + id + "\",\"link\":\"wan0\"}").getBytes(StandardCharsets.UTF_8));
            m.setQos(1);
            controller.publish("prefixd/" + r.id + "/cmd/renew", m);
            long deadline = t0 + TimeUnit.SECONDS.toNanos(10);
            while ((!replies.containsKey(id) || !states.containsKey(expectedState)) && System.nanoTime() < deadline) Thread.onSpinWait();
            if (!replies.containsKey(id) || !states.containsKey(expectedState)) throw new IllegalStateException("no reply or state for " + id);
            toReply.add((replies.get(id) - t0) / 1e6);
            toState.add((states.get(expectedState) - t0) / 1e6);
        }
        System.out.printf("fleet-bench: command -> reply   median %.2f ms (range %.2f-%.2f, %d commands)%n", median(toReply), Collections.min(toReply), Collections.max(toReply), commands);
        System.out.printf("fleet-bench: command -> state   median %.2f ms (range %.2f-%.2f)%n", median(toState), Collections.min(toState), Collections.max(toState));
        controller.disconnect().waitForCompletion(2000);
        controller.close();

        // The broker restart: the script stops and starts it when told, and says when it is back.
        System.out.println("fleet-bench: restart the broker");
        System.out.flush();
        var in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8));
        expect(in, "stopped");
        Router.connections = new java.util.concurrent.CountDownLatch(n);
        for (Router r : routers) r.connectedAt = 0; // none can connect while it is stopped
        expect(in, "back");
        long back = System.nanoTime();
        awaitAll("reconnected");
        List<Double> reconnect = new ArrayList<>();
        for (Router r : routers) reconnect.add((r.connectedAt - back) / 1e6);
        Collections.sort(reconnect);
        System.out.printf("fleet-bench: reconnection after the broker restart: first %.0f ms, median %.0f ms, 90%% %.0f ms, last %.0f ms (%d routers)%n",
                reconnect.get(0), median(reconnect), reconnect.get((int) (reconnect.size() * 0.9)), reconnect.get(reconnect.size() - 1), n);
        int sameSecond = 0;
        int[] perSecond = new int[120];
        for (double ms : reconnect) if (ms >= 0 && ms < 120_000) perSecond[(int) (ms / 1000)]++;
        for (int s : perSecond) sameSecond = Math.max(sameSecond, s);
        System.out.printf("fleet-bench: at most %d of %d routers came back within the same second%n", sameSecond, n);
        for (Router r : routers) {
            r.loop.execute(r.link::close);
            r.loop.shutdown();
        }
        for (Router r : routers) r.loop.awaitTermination(5, TimeUnit.SECONDS);
        System.exit(0);
    }

    private static void awaitAll(String what) throws InterruptedException {
        if (!Router.connections.await(180, TimeUnit.SECONDS)) throw new IllegalStateException("not every router " + what + " within 180 s");
    }

    private static void expect(java.io.BufferedReader in, String word) throws java.io.IOException {
        for (String line = in.readLine(); line != null; line = in.readLine()) if (line.equals(word)) return;
        throw new IllegalStateException("the script never said " + word);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static long rss() throws java.io.IOException {
        for (String l : java.nio.file.Files.readAllLines(Path.of("/proc/self/status")))
            if (l.startsWith("VmRSS:")) return Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024;
        return 0;
    }
}
