package org.prefixd.link.osgi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.prefixd.api.AtomicFile;
import org.prefixd.api.Directories;
import org.prefixd.api.InterfaceName;
import org.prefixd.api.LinkLocal;
import org.prefixd.api.PrivateUnixSocket;
import org.prefixd.api.WarnLimiter;
import org.prefixd.link.PppdEvent;
import org.prefixd.link.PppdHookMessage;

/**
 * The Unix socket ({@code <run>/pppd.sock}, mode 0600) that prefixd's ipv6-up and ipv6-down
 * scripts write pppd's arguments and environment to. Each message is validated and handed to
 * the watcher of that interface. The last ipv6-up per interface is kept in the run directory,
 * so a restarted prefixd or an updated bundle still knows the pppd session.
 */
@Component(service = PppdHookEndpoint.class, immediate = true)
public final class PppdHookEndpoint {
    static final String SOCKET = "pppd.sock";
    private static final long CONNECTION_TIMEOUT_NANOS = 2_000_000_000L;

    private final Logger log;
    private final Path runDir;
    private final Map<InterfaceName, Consumer<PppdEvent>> listeners = new ConcurrentHashMap<>();
    private final WarnLimiter warnings = new WarnLimiter();
    private final Selector selector;
    private final ServerSocketChannel server;
    private final Thread thread;
    private volatile boolean running = true;

    @Activate
    public PppdHookEndpoint(BundleContext context, @Reference(service = LoggerFactory.class) Logger log) throws IOException {
        this.log = log;
        this.runDir = Directories.run(context.getProperty(Directories.RUN_PROPERTY));
        Files.createDirectories(runDir);
        try {
            this.server = PrivateUnixSocket.bind(runDir.resolve(SOCKET), 16);
        } catch (IOException e) {
            log.error("no pppd hook socket: {}", e.getMessage()); // SCR's own report hides the cause
            throw e;
        }
        this.selector = Selector.open();
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
        this.thread = new Thread(this::serve, "prefixd-pppd-hook");
        thread.setDaemon(true);
        thread.start();
        log.info("listening for pppd ipv6-up/ipv6-down on {}", runDir.resolve(SOCKET));
    }

    @Deactivate
    void stop() throws InterruptedException {
        running = false;
        try {
            selector.close();
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        thread.join(2000);
        // The socket file stays: scripts that find nobody listening exit at once.
    }

    /**
     * Sends this interface's pppd events to {@code listener}; the last ipv6-up seen for it, if
     * its session is still remembered, is replayed at once.
     */
    public AutoCloseable listen(InterfaceName name, Consumer<PppdEvent> listener) {
        listeners.put(name, listener);
        rememberedSession(name).ifPresent(listener);
        return () -> listeners.remove(name, listener);
    }

    private static final class Connection {
        final ByteBuffer buffer = ByteBuffer.allocate(PppdHookMessage.MAX_BYTES + 1);
        final long opened = System.nanoTime();
    }

    private void serve() {
        while (running) {
            try {
                selector.select(500);
                for (SelectionKey key : selector.selectedKeys()) {
                    if (!key.isValid()) continue;
                    if (key.isAcceptable()) accept();
                    else if (key.isReadable()) read(key);
                }
                selector.selectedKeys().clear();
                dropSlowConnections();
            } catch (ClosedSelectorException closed) {
                return;
            } catch (IOException | RuntimeException e) {
                if (running) warnings.warn(log::warn, "pppd hook socket: " + e);
            }
        }
    }

    private void accept() throws IOException {
        SocketChannel client = server.accept();
        if (client == null) return;
        client.configureBlocking(false);
        client.register(selector, SelectionKey.OP_READ, new Connection());
    }

    private void read(SelectionKey key) {
        SocketChannel channel = (SocketChannel) key.channel();
        Connection connection = (Connection) key.attachment();
        try {
            int n = channel.read(connection.buffer);
            if (!connection.buffer.hasRemaining()) {
                warnings.warn(log::warn, "ignored a pppd hook message larger than " + PppdHookMessage.MAX_BYTES + " bytes");
                channel.close();
                return;
            }
            if (n >= 0) return;
            channel.close();
        } catch (IOException e) {
            closeQuietly(channel);
            return;
        }
        byte[] bytes = Arrays.copyOf(connection.buffer.array(), connection.buffer.position());
        handle(bytes);
    }

    private void dropSlowConnections() {
        long now = System.nanoTime();
        for (SelectionKey key : selector.keys()) {
            if (key.attachment() instanceof Connection c && now - c.opened > CONNECTION_TIMEOUT_NANOS) {
                warnings.warn(log::warn, "dropped a pppd hook connection that sent no complete message in 2 s");
                closeQuietly(key.channel());
            }
        }
    }

    void handle(byte[] bytes) {
        PppdEvent event;
        try {
            event = PppdHookMessage.decode(bytes);
        } catch (IllegalArgumentException e) {
            warnings.warn(log::warn, "ignored a pppd hook message: " + e.getMessage());
            return;
        }
        log.info("pppd {} on {} (pppd pid {}, local {}, remote {})", event.kind() == PppdEvent.Kind.UP ? "ipv6-up" : "ipv6-down",
                event.name(), event.session().pid(), LinkLocal.format(event.local()), LinkLocal.format(event.remote()));
        remember(event, bytes);
        Consumer<PppdEvent> listener = listeners.get(event.name());
        if (listener == null) {
            log.info("no prefixd.link configuration names {}; its pppd event is kept for when one does", event.name());
            return;
        }
        listener.accept(event);
    }

    private Path sessionFile(InterfaceName name) {
        return runDir.resolve("pppd-" + name.value() + ".session");
    }

    /** Keeps the validated message itself: it is decoded (checked) again when read back. */
    private void remember(PppdEvent event, byte[] bytes) {
        Path file = sessionFile(event.name());
        try {
            if (event.kind() == PppdEvent.Kind.DOWN) {
                Files.deleteIfExists(file);
                return;
            }
            AtomicFile.write(file, bytes);
        } catch (IOException e) {
            log.warn("could not keep the pppd session of {} in {}: {}", event.name(), file, e.toString());
        }
    }

    private java.util.Optional<PppdEvent> rememberedSession(InterfaceName name) {
        Path file = sessionFile(name);
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > PppdHookMessage.MAX_BYTES) return java.util.Optional.empty();
            PppdEvent event = PppdHookMessage.decode(Files.readAllBytes(file));
            return event.name().equals(name) && event.kind() == PppdEvent.Kind.UP ? java.util.Optional.of(event) : java.util.Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            log.warn("ignored the kept pppd session {}: {}", file, e.getMessage());
            return java.util.Optional.empty();
        }
    }

    private static void closeQuietly(java.nio.channels.Channel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing more to do with a broken connection
        }
    }
}
