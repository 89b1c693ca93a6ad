package org.prefixd.daemon.osgi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.prefixd.api.ConfigReload;
import org.prefixd.api.Directories;
import org.prefixd.api.LinkMonitor;
import org.prefixd.api.PrivateUnixSocket;
import org.prefixd.api.SessionControl;
import org.prefixd.api.LanClientMonitor;
import org.prefixd.api.SessionMonitor;
import org.prefixd.daemon.ControlRequest;
import org.prefixd.documents.StatusReport;

/**
 * The control socket ({@code <run>/control.sock}, mode 0600) behind {@code prefixd status} and
 * {@code prefixd reload}: one line in, the answer out, then the connection closes.
 */
@Component(immediate = true, service = {})
public final class ControlSocketComponent {
    static final String SOCKET = "control.sock";
    private static final long CLIENT_TIMEOUT_SECONDS = 5;

    private final Logger log;
    private final Path socket;
    private final ServerSocketChannel server;
    private final Thread acceptor;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "prefixd-control-watchdog");
        t.setDaemon(true);
        return t;
    });
    private final Clock clock = Clock.systemUTC();
    private volatile boolean running = true;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<LinkMonitor> monitors = new ArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<SessionMonitor> sessionMonitors = new ArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<SessionControl> sessionControls = new ArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<LanClientMonitor> lanMonitors = new ArrayList<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ConfigReload reload;

    @Activate
    public ControlSocketComponent(BundleContext context, @Reference(service = LoggerFactory.class) Logger log) throws IOException {
        this.log = log;
        Path runDir = Directories.run(context.getProperty(Directories.RUN_PROPERTY));
        Files.createDirectories(runDir);
        this.socket = runDir.resolve(SOCKET);
        try {
            this.server = PrivateUnixSocket.bind(socket, 8);
        } catch (IOException e) {
            log.error("no control socket: {}", e.getMessage()); // SCR's own report hides the cause
            throw e;
        }
        this.acceptor = new Thread(this::serve, "prefixd-control");
        acceptor.setDaemon(true);
        acceptor.start();
        log.info("control socket {}", socket);
    }

    @Deactivate
    void deactivate() throws IOException {
        running = false;
        server.close();
        watchdog.shutdownNow();
        Files.deleteIfExists(socket);
    }

    private void serve() {
        while (running) {
            try (SocketChannel client = server.accept()) {
                var timeout = watchdog.schedule(() -> closeQuietly(client), CLIENT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                answer(client);
                timeout.cancel(false);
            } catch (IOException e) {
                if (running) log.warn("control socket: {}", e.toString());
            }
        }
    }

    private void answer(SocketChannel client) throws IOException {
        String line = readLine(client);
        String reply;
        try {
            ControlRequest request = ControlRequest.parse(line);
            reply = switch (request.kind()) {
                case STATUS -> report().toText();
                case STATUS_JSON -> report().toJson().toString() + "\n";
                case RELOAD -> reload();
                case RENEW, RELEASE -> session(request);
            };
        } catch (IllegalArgumentException e) {
            reply = "error: " + e.getMessage() + "\n";
        }
        ByteBuffer out = ByteBuffer.wrap(reply.getBytes(StandardCharsets.UTF_8));
        while (out.hasRemaining()) client.write(out);
    }

    private StatusReport report() {
        return StatusReport.of(monitors, sessionMonitors, lanMonitors, clock.instant());
    }

    private String session(ControlRequest request) {
        for (SessionControl control : sessionControls) {
            var done = request.kind() == ControlRequest.Kind.RENEW ? control.renew(request.link()) : control.release(request.link());
            if (done.isPresent()) return done.get() + "\n";
        }
        return "error: no prefixd.dhcp6 configuration for " + request.link() + "\n";
    }

    private String reload() {
        ConfigReload current = reload;
        if (current == null) return "error: no configuration loader is running\n";
        List<String> problems = current.rescan();
        if (problems.isEmpty()) return "reloaded\n";
        StringBuilder out = new StringBuilder("reloaded; these files keep their previous configuration:\n");
        for (String p : problems) out.append("  ").append(p).append('\n');
        return out.toString();
    }

    private static String readLine(SocketChannel client) throws IOException {
        ByteBuffer in = ByteBuffer.allocate(ControlRequest.MAX_LINE);
        while (in.hasRemaining()) {
            int n = client.read(in);
            if (n < 0) break;
            byte[] seen = in.array();
            for (int i = in.position() - n; i < in.position(); i++) if (seen[i] == '\n') return new String(seen, 0, i, StandardCharsets.UTF_8);
        }
        return new String(in.array(), 0, in.position(), StandardCharsets.UTF_8);
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the client is gone either way
        }
    }
}
