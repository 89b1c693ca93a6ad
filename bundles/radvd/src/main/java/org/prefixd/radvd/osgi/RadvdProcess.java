package org.prefixd.radvd.osgi;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.log.Logger;
import org.prefixd.api.SafeText;

/**
 * radvd as prefixd uses it: {@code --configtest}, and SIGHUP to re-read the file; in supervise
 * mode also started as a child (output appended to radvd.log beside its configuration) and
 * started again with a growing delay when it dies. A radvd found through its pid file (started
 * by an earlier instance of this bundle, or by an earlier prefixd) is taken over, not restarted.
 */
final class RadvdProcess implements AutoCloseable {
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    private final String program;
    private final java.util.function.Supplier<Duration> longestWait;
    private final Path conf;
    private final Path pidFile;
    private final boolean supervise;
    private final Logger log;
    private final ScheduledExecutorService restarts = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "prefixd-radvd-supervisor");
        t.setDaemon(true);
        return t;
    });
    private ProcessHandle running; // guarded by this
    private Instant startedAt = Instant.MIN;
    private Duration backoff = FIRST_BACKOFF;
    private java.util.concurrent.ScheduledFuture<?> restart; // the start after an exit, waiting out the backoff
    private CompletableFuture<Object> exitRelay; // completes when the watched radvd exits; see watch()
    private long outputFrom; // where the running radvd's output starts in radvd.log
    private boolean closed;
    private boolean stopping;

    RadvdProcess(String program, Path conf, Path pidFile, boolean supervise, Logger log) {
        this(program, conf, pidFile, supervise, log, () -> MAX_BACKOFF);
    }

    /**
     * @param longestWait the longest the LAN can be without RAs now: a wait before a restart is
     *                    never longer, so that hosts keep their addresses through a crash loop
     */
    RadvdProcess(String program, Path conf, Path pidFile, boolean supervise, Logger log, java.util.function.Supplier<Duration> longestWait) {
        this.longestWait = longestWait;
        this.program = program;
        this.conf = conf;
        this.pidFile = pidFile;
        this.supervise = supervise;
        this.log = log;
        if (supervise) fromPidFile().ifPresent(h -> {
            log.info("radvd (pid {}) is running: taken over", h.pid());
            watch(h, logSize());
        });
    }

    /** The program's path; an error that says what to do when there is none. */
    static String find(String program) {
        if (program == null || program.isBlank()) program = "radvd";
        if (program.contains("/")) {
            if (Files.isExecutable(Path.of(program))) return program;
            throw new IllegalStateException("prefixd.radvd: radvd: " + program + " is not an executable file");
        }
        for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin:/usr/local/sbin").split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) return candidate.toString();
        }
        throw new IllegalStateException("radvd is not installed (Debian: apt install radvd), or set prefixd.radvd radvd = /path/to/radvd");
    }

    /** @return null when radvd accepts the file, otherwise what it said */
    String configtest(Path file) throws IOException {
        Process p = new ProcessBuilder(program, "--configtest", "-C", file.toString()).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "radvd --configtest did not finish in 10 s";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        return p.exitValue() == 0 ? null : printable(said);
    }

    /** Makes radvd read the file: SIGHUP, or (supervise mode) a start when none runs. */
    synchronized void reload() throws IOException {
        if (supervise) {
            if (running != null && running.isAlive()) hangUp(running.pid());
            else if (restart == null || restart.isDone()) start();
            // else: radvd keeps exiting and waits out its backoff; the restart reads the new file
            return;
        }
        Optional<ProcessHandle> other = fromPidFile();
        if (other.isEmpty()) throw new IOException("no running radvd found through " + pidFile + " (mode = signal)");
        hangUp(other.get().pid());
    }

    /** Supervise mode: starts radvd when none runs (after a failed start, say). */
    synchronized void ensureRunning() {
        if (supervise && !closed && (running == null || !running.isAlive())) {
            try {
                start();
            } catch (IOException e) {
                log.error("cannot start radvd: {}", e.getMessage());
            }
        }
    }

    private void start() throws IOException {
        stopping = false;
        Path logFile = logFile();
        long outputStart = logSize();
        Process p = new ProcessBuilder(program, "-n", "-C", conf.toString(), "-p", pidFile.toString(), "-m", "stderr")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        startedAt = Instant.now();
        log.info("radvd started (pid {}), its output in {}", p.pid(), logFile);
        watch(p.toHandle(), outputStart);
    }

    private void watch(ProcessHandle h, long outputStart) {
        running = h;
        outputFrom = outputStart;
        // The JDK keeps one exit future per pid in a static map until the process exits, radvd
        // outlives this bundle on an update, and a callback on that future would keep every
        // updated bundle's class loader: only a relay (JDK classes alone) waits on it, and the
        // callback hangs on the relay, which close() completes (not cancels: a cancellation's
        // stack trace would name this class). exited() ignores that completion.
        if (exitRelay != null) exitRelay.complete(null);
        exitRelay = CompletableFuture.anyOf(h.onExit());
        exitRelay.thenRun(() -> exited(h));
    }

    private synchronized void exited(ProcessHandle h) {
        if (closed || stopping || h != running) return;
        if (Duration.between(startedAt, Instant.now()).compareTo(MAX_BACKOFF) > 0) backoff = FIRST_BACKOFF;
        Duration wait = backoff;
        Duration longest = longestWait.get();
        if (wait.compareTo(longest) > 0) wait = longest.compareTo(FIRST_BACKOFF) < 0 ? FIRST_BACKOFF : longest;
        log.warn("radvd (pid {}) exited{}; starting it again in {} s", h.pid(), lastWords(outputFrom), wait.getSeconds());
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        restart = restarts.schedule(this::ensureRunning, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** No LAN has a prefix: supervise mode stops radvd until there is one again; signal mode leaves radvd to its owner. */
    synchronized void stopAdvertising() {
        if (!supervise) {
            log.warn("no LAN has a prefix to advertise; the radvd prefixd did not start keeps its last configuration");
            return;
        }
        log.info("no LAN has a prefix to advertise: radvd stopped");
        stop();
    }

    /** When prefixd itself stops: radvd says goodbye to the LAN (its final RAs). */
    synchronized void stop() {
        stopping = true;
        if (running != null && running.isAlive()) {
            running.destroy();
            try {
                running.onExit().get(3, TimeUnit.SECONDS);
            } catch (Exception e) {
                running.destroyForcibly();
            }
        }
    }

    private Optional<ProcessHandle> fromPidFile() {
        try {
            if (!Files.isRegularFile(pidFile) || Files.size(pidFile) > 32) return Optional.empty();
            String text = Files.readString(pidFile, StandardCharsets.US_ASCII).strip();
            if (!text.matches("[1-9][0-9]{0,9}")) return Optional.empty();
            return ProcessHandle.of(Long.parseLong(text)).filter(ProcessHandle::isAlive)
                    .filter(h -> h.info().command().map(c -> c.endsWith("radvd")).orElse(false));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void hangUp(long pid) throws IOException {
        Process kill = new ProcessBuilder(List.of("kill", "-HUP", Long.toString(pid))).redirectErrorStream(true).start();
        String said = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0)
                throw new IOException("kill -HUP " + pid + " failed: " + printable(said)
                        + (said.contains("Operation not permitted") ? " (signalling a radvd of another user needs CAP_KILL: see prefixd's service capabilities)" : ""));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Path logFile() {
        return conf.resolveSibling("radvd.log");
    }

    private long logSize() {
        try {
            return Files.size(logFile());
        } catch (IOException e) {
            return 0;
        }
    }

    /** The last line radvd wrote since {@code from}, for the log line of its exit: radvd says why it stopped. */
    private String lastWords(long from) {
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(logFile().toFile(), "r")) {
            long start = Math.max(from, file.length() - 512);
            byte[] tail = new byte[(int) Math.max(0, file.length() - start)];
            file.seek(start);
            file.readFully(tail);
            String[] lines = new String(tail, StandardCharsets.UTF_8).strip().split("\n");
            String last = lines[lines.length - 1].strip();
            if (last.isEmpty()) return "";
            return " (its last output: \"" + SafeText.printable(last) + "\")"
                    + (last.contains("Operation not permitted") ? " (radvd needs CAP_NET_RAW for its ICMPv6 socket: see prefixd's service capabilities)" : "");
        } catch (IOException e) {
            return "";
        }
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        for (String line : s.split("\n")) {
            if (out.length() > 0) out.append(" | ");
            out.append(SafeText.printable(line));
        }
        return out.toString();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (exitRelay != null) exitRelay.complete(null);
        restarts.shutdownNow();
    }
}
