package org.prefixd.config.osgi;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.prefixd.config.ConfigTarget;

/**
 * A daemon thread that runs a scan first, then again whenever config files of the directory
 * change. The events of an editor's save (truncate, write, rename, chmod) come in a burst; they
 * are coalesced until the directory has been quiet for a moment, so that one save is one scan
 * and a half-written file is rarely seen.
 */
final class DirectoryWatcher implements AutoCloseable {
    /** Under a steady stream of writes, scan at least this often. */
    private static final Duration MAX_DELAY = Duration.ofSeconds(2);

    private final Path directory;
    private final WatchService service;
    private final Duration quiet;
    private final Runnable scan;
    private final Thread thread;
    private WatchKey key; // guarded by this
    private volatile boolean closed;

    /**
     * @param service null when no watch service could be had: then only the first scan runs
     * @param scan must not throw
     */
    DirectoryWatcher(Path directory, WatchService service, Duration quiet, Runnable scan, String threadName) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.service = service;
        this.quiet = Objects.requireNonNull(quiet, "quiet");
        this.scan = Objects.requireNonNull(scan, "scan");
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /**
     * Watches the directory unless it is watched already; called before each scan, so that a
     * directory that was missing or re-created is watched once it is there.
     *
     * @return false when there is no watch service
     * @throws IOException when the directory cannot be watched (it does not exist...)
     */
    synchronized boolean watch() throws IOException {
        if (service == null) return false;
        if (key == null || !key.isValid()) {
            key = directory.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY);
        }
        return true;
    }

    /** Stops the thread without waiting for it: a scan under way finishes on its own. */
    @Override
    public void close() {
        closed = true;
        if (service != null) {
            try {
                service.close();
            } catch (IOException e) {
                // Nothing left to do with it.
            }
        }
        thread.interrupt();
    }

    private void run() {
        scan.run();
        if (service == null) return;
        try {
            while (!closed) {
                boolean relevant = drain(service.take());
                long deadline = System.nanoTime() + MAX_DELAY.toNanos();
                WatchKey next;
                while (System.nanoTime() < deadline
                        && (next = service.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    relevant |= drain(next);
                }
                if (relevant && !closed) scan.run();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // close() was called.
        }
    }

    /** @return whether the events concern a config file (swap files and backups do not) */
    private static boolean drain(WatchKey key) {
        boolean relevant = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW) {
                relevant = true;
            } else if (event.context() instanceof Path name && ConfigTarget.isConfigFile(name.toString())) {
                relevant = true;
            }
        }
        // An invalid key: the directory was removed; the scan reports it.
        if (!key.reset()) relevant = true;
        return relevant;
    }
}
