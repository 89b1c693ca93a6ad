package org.prefixd.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** tcpdump of DHCPv6 on isp0, as text: what the server side saw, independent of prefixd's log. */
final class Capture implements AutoCloseable {
    private final Process process;
    private final Path file;

    Capture(Namespace isp, Path file) throws IOException {
        this.file = file;
        this.process = new ProcessBuilder("ip", "netns", "exec", isp.name, "tcpdump", "-i", "isp0", "-n", "-l", "udp", "port", "547")
                .redirectErrorStream(true).redirectOutput(file.toFile()).start();
        Await.until("tcpdump listening", Duration.ofSeconds(5), () -> text().contains("listening on"));
    }

    String text() {
        return TextFile.read(file);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) process.destroyForcibly().waitFor();
    }
}
