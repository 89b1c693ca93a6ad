package org.prefixd.fleet.osgi;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.osgi.service.log.Logger;
import org.prefixd.fleet.FleetSettings;
import org.prefixd.fleet.FleetTopics;
import org.prefixd.fleet.Reconnect;
import org.prefixd.fleet.TlsFiles;
import org.prefixd.fleet.TlsSocketFactory;

/**
 * The connection to the broker (Eclipse Paho, MQTT 5), owned by the fleet's thread: every Paho
 * callback only hands its news to that thread. Connects with the Last Will "online = false"
 * (retained), announces "online = true", subscribes to the router's own command topics when
 * commands are taken, and after a loss tries again with jittered exponential backoff.
 */
final class BrokerLink implements MqttCallback {
    /** What the fleet's component hears from the link, on the fleet's thread. */
    interface Listener {
        void connected();

        void command(String topic, byte[] payload, boolean retained);

        /** Delivered: the broker acknowledged what was published with this context. */
        void delivered(Object context);

        /** The connection is gone (or never came): what was in flight is not acknowledged. */
        void lost();
    }

    private final FleetSettings settings;
    private final Supplier<java.util.Optional<FleetTopics>> topics;
    private final ScheduledExecutorService loop;
    private final Logger log;
    private final Listener listener;
    private final Reconnect reconnect;
    private final org.prefixd.api.WarnLimiter failures = new org.prefixd.api.WarnLimiter(6, "broker connection failures");
    private MqttAsyncClient client;
    private FleetTopics connectedAs;
    private boolean connected;
    private boolean closed;

    /** @param topics the router's topics, empty while its id is not known yet (no DUID made) */
    BrokerLink(FleetSettings settings, Supplier<java.util.Optional<FleetTopics>> topics, ScheduledExecutorService loop, Logger log,
               Listener listener, Reconnect reconnect) {
        this.settings = settings;
        this.topics = topics;
        this.loop = loop;
        this.log = log;
        this.listener = listener;
        this.reconnect = reconnect;
    }

    /** Connects on the fleet's thread. */
    void start() {
        post(this::attempt);
    }

    /** Hands Paho's news to the fleet's thread; after a stop there is none to hand it to, and nothing to do. */
    private void post(Runnable task) {
        try {
            loop.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            // the component is gone
        }
    }

    boolean connected() {
        return connected;
    }

    FleetTopics topics() {
        return connectedAs;
    }

    private void attempt() {
        if (closed || connected) return;
        var known = topics.get();
        if (known.isEmpty()) {
            failures.warn(log::warn, "fleet: no router id yet (no DUID made by the DHCPv6 client, no router.id configured): the broker waits");
            retryLater();
            return;
        }
        connectedAs = known.get();
        try {
            if (client == null) {
                client = new MqttAsyncClient(TlsSocketFactory.pahoUri(settings.brokers().get(0)), connectedAs.routerId(), new MemoryPersistence());
                client.setCallback(this);
            }
            client.connect(options(connectedAs), null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    post(BrokerLink.this::onConnected);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable cause) {
                    post(() -> onFailed(cause));
                }
            });
        } catch (MqttException | IllegalArgumentException e) {
            onFailed(e);
        }
    }

    private MqttConnectionOptions options(FleetTopics t) {
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setServerURIs(settings.brokers().stream().map(TlsSocketFactory::pahoUri).toArray(String[]::new));
        o.setCleanStart(true); // a command queued while the router was away is not run late
        o.setAutomaticReconnect(false); // ours has jitter
        o.setKeepAliveInterval((int) settings.keepAlive().getSeconds());
        o.setConnectionTimeout(10);
        MqttMessage will = new MqttMessage("false".getBytes(StandardCharsets.US_ASCII), 1, true, new MqttProperties());
        o.setWill(t.online(), will);
        settings.username().ifPresent(o::setUserName);
        settings.password().ifPresent(p -> o.setPassword(new String(p).getBytes(StandardCharsets.UTF_8)));
        if (settings.tls()) o.setSocketFactory(new TlsSocketFactory(TlsFiles.socketFactory(settings.caFile(), settings.certFile(), settings.keyFile())));
        return o;
    }

    private void onConnected() {
        if (closed) return;
        connected = true;
        reconnect.reset();
        log.info("fleet: connected to {} as {}", broker(), connectedAs.routerId());
        publish(connectedAs.online(), "true".getBytes(StandardCharsets.US_ASCII), true, null);
        if (settings.takesCommands()) {
            try {
                client.subscribe(connectedAs.commands(), 1);
            } catch (MqttException e) {
                log.warn("fleet: cannot subscribe to {}: {}", connectedAs.commands(), e.toString());
            }
        } else {
            log.info("fleet: commands are taken over TLS only (an ssl:// broker): {} reports, takes none", broker());
        }
        listener.connected();
    }

    /** The broker connected to, as configured. */
    private String broker() {
        String uri = client.getCurrentServerURI();
        return settings.tls() ? uri.replaceFirst("^tcp://", "ssl://") : uri;
    }

    private void onFailed(Throwable cause) {
        if (closed) return;
        failures.warn(log::warn, "fleet: no connection to " + String.join(", ", settings.brokers()) + ": " + describe(cause));
        listener.lost();
        retryLater();
    }

    private void retryLater() {
        Duration delay = reconnect.next();
        log.debug("fleet: next attempt in {} ms", delay.toMillis());
        loop.schedule(this::attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Publishes at QoS 1; {@code context} comes back through {@link Listener#delivered}.
     *
     * @return false when not connected or Paho refused it now (too many in flight): try again later
     */
    boolean publish(String topic, byte[] payload, boolean retained, Object context) {
        if (!connected) return false;
        try {
            MqttMessage message = new MqttMessage(payload, 1, retained, new MqttProperties());
            client.publish(topic, message, context, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    if (context != null) post(() -> listener.delivered(context));
                }

                @Override
                public void onFailure(IMqttToken token, Throwable cause) {
                    log.debug("fleet: publication to {} failed: {}", topic, cause.toString());
                }
            });
            return true;
        } catch (MqttException e) {
            if (e.getReasonCode() != org.eclipse.paho.mqttv5.client.MqttClientException.REASON_CODE_MAX_INFLIGHT) log.debug("fleet: publication to {} refused: {}", topic, e.toString());
            return false;
        }
    }

    /** Ends the connection: "online = false" said first (a clean disconnect sends no Last Will). */
    void close() {
        closed = true;
        if (client == null) return;
        try {
            if (connected) {
                client.publish(connectedAs.online(), new MqttMessage("false".getBytes(StandardCharsets.US_ASCII), 1, true, new MqttProperties()))
                        .waitForCompletion(2000);
                client.disconnect(2000).waitForCompletion(3000);
            }
        } catch (MqttException e) {
            log.debug("fleet: disconnect: {}", e.toString());
        } finally {
            connected = false;
            try {
                client.disconnectForcibly(0, 100, false);
            } catch (MqttException ignored) {
                // already gone
            }
            try {
                client.close(true);
            } catch (MqttException e) {
                log.debug("fleet: close: {}", e.toString());
            }
        }
    }

    private static String describe(Throwable cause) {
        if (cause instanceof MqttException m && m.getCause() != null) return m.getMessage() + " (" + m.getCause() + ")";
        return cause.toString();
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        post(() -> {
            if (closed || !connected) return;
            connected = false;
            log.warn("fleet: the broker connection was lost: {}", response.getException() != null ? describe(response.getException()) : response.getReasonString());
            listener.lost();
            retryLater();
        });
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        log.debug("fleet: {}", exception.toString());
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        byte[] payload = message.getPayload();
        boolean retained = message.isRetained();
        post(() -> listener.command(topic, payload, retained));
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // told through each publication's own listener
    }

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
        // told through connect's listener
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        // no enhanced authentication
    }
}
