package org.prefixd.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The web console of a prefixd in a namespace (localhost:8080 there), reachable at
 * 127.0.0.1:{@code port} of the test's namespace: two socat processes joined by a Unix socket,
 * so the traffic is loopback on both sides. Browsers and HTTP clients of the test use it.
 */
final class ConsoleBridge implements AutoCloseable {
    final int port;
    private final Process inside;
    private final Process outside;
    private final Path socket;

    ConsoleBridge(Namespace ns, int port) throws IOException {
        this.port = port;
        this.socket = Path.of("/tmp/prefixd-e2e-bridge-" + ns.name + ".sock");
        Files.deleteIfExists(socket);
        this.inside = new ProcessBuilder("ip", "netns", "exec", ns.name, "socat", "UNIX-LISTEN:" + socket + ",fork,unlink-early",
                "TCP:localhost:8080").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Await.until("the bridge's socket", Duration.ofSeconds(5), () -> Files.exists(socket));
        this.outside = new ProcessBuilder("socat", "TCP-LISTEN:" + port + ",bind=127.0.0.1,reuseaddr,fork", "UNIX-CONNECT:" + socket)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Await.until("127.0.0.1:" + port + " accepting", Duration.ofSeconds(5), () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return true;
            } catch (IOException e) {
                return false;
            }
        });
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (Process p : new Process[] {outside, inside}) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            if (!p.waitFor(5, TimeUnit.SECONDS)) p.destroyForcibly();
        }
        Files.deleteIfExists(socket);
    }
}
