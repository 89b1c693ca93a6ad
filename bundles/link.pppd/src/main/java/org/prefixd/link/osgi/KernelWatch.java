package org.prefixd.link.osgi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import org.osgi.service.log.Logger;
import org.prefixd.api.InterfaceName;
import org.prefixd.link.IpAddrJson;
import org.prefixd.link.IpMonitorLine;
import org.prefixd.link.KernelLink;
import org.prefixd.link.NetlinkSubscription;

/**
 * Follows the kernel's rtnetlink notifications through {@code ip -o monitor link address} (no
 * polling) and reads the interface's state again with {@code ip -j addr show} whenever a
 * notification is about it. Restarts the monitor if it dies.
 */
final class KernelWatch {
    private final InterfaceName name;
    private final IntSupplier knownIndex;
    private final Runnable onChange;
    private final Logger log;
    private volatile boolean running = true;
    private volatile Process monitor;
    private final Thread thread;

    KernelWatch(InterfaceName name, IntSupplier knownIndex, Runnable onChange, Logger log) {
        this.name = name;
        this.knownIndex = knownIndex;
        this.onChange = onChange;
        this.log = log;
        this.thread = new Thread(this::follow, "prefixd-kernel-" + name);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void stop() {
        running = false;
        Process p = monitor;
        if (p != null) p.destroy();
        thread.interrupt();
    }

    private void follow() {
        long backoffMillis = 100;
        while (running) {
            try {
                Process p = new ProcessBuilder("ip", "-o", "monitor", "link", "address")
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                monitor = p;
                // The state is read once the monitor listens, so no change can fall between.
                if (!awaitListening(p) && running) log.debug("ip monitor for {}: its subscription not seen in /proc/net/netlink; reading the state anyway", name);
                onChange.run();
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        backoffMillis = 100;
                        if (IpMonitorLine.concerns(line, name, knownIndex.getAsInt())) onChange.run();
                    }
                }
                p.waitFor(1, TimeUnit.SECONDS);
                if (running) log.warn("ip monitor for {} ended (exit {}); restarting it", name, p.isAlive() ? "?" : p.exitValue());
            } catch (IOException e) {
                if (running) log.error("cannot follow the kernel for {}: {}", name, e.toString());
            } catch (InterruptedException e) {
                return;
            }
            try {
                Thread.sleep(backoffMillis); // only between restarts of a failed monitor
            } catch (InterruptedException e) {
                return;
            }
            backoffMillis = Math.min(backoffMillis * 2, 10_000);
        }
    }

    /**
     * Waits until the monitor's netlink socket has joined its groups (a few ms after its start), at
     * most a second: an {@code ip} wrapper that forks has another pid and is given the second.
     */
    private boolean awaitListening(Process p) throws InterruptedException {
        Path table = Path.of("/proc/net/netlink");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (running && p.isAlive() && System.nanoTime() < deadline) {
            try {
                if (NetlinkSubscription.listening(Files.readString(table, StandardCharsets.US_ASCII), p.pid())) return true;
            } catch (IOException e) {
                return false; // no /proc: nothing to wait for
            }
            Thread.sleep(2);
        }
        return false;
    }

    /** Reads the interface's current state: empty when it does not exist. */
    static Optional<KernelLink> read(InterfaceName name) throws IOException {
        Process p = new ProcessBuilder("ip", "-j", "addr", "show", "dev", name.value()).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("ip addr show did not finish in 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        String stderr = new String(err, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            if (stderr.contains("does not exist")) return Optional.empty();
            throw new IOException("ip addr show dev " + name + " failed: " + stderr.strip());
        }
        return IpAddrJson.parse(new String(out, StandardCharsets.UTF_8), name);
    }
}
