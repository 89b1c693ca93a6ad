package org.prefixd.config.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs against the real watch service (inotify on Linux); waits on events, never sleeps. */
class DirectoryWatcherTest {
    private static final long TIMEOUT_SECONDS = 20;

    @TempDir
    Path dir;

    private final BlockingQueue<Thread> scans = new LinkedBlockingQueue<>();
    private DirectoryWatcher watcher;

    private DirectoryWatcher start(Path directory) throws IOException {
        watcher = new DirectoryWatcher(directory, FileSystems.getDefault().newWatchService(), Duration.ofMillis(50),
                () -> scans.add(Thread.currentThread()), "prefixd-configs");
        watcher.start();
        return watcher;
    }

    private Thread nextScan() throws InterruptedException {
        Thread thread = scans.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(thread, "expected a scan within " + TIMEOUT_SECONDS + " s, none came");
        return thread;
    }

    @AfterEach
    void stop() {
        if (watcher != null) watcher.close();
    }

    @Test
    void runsTheFirstScanOnItsOwnDaemonThread() throws Exception {
        start(dir);
        Thread thread = nextScan();
        assertEquals("prefixd-configs", thread.getName());
        assertTrue(thread.isDaemon());
    }

    @Test
    void scansAgainWhenAConfigFileIsWritten() throws Exception {
        start(dir).watch();
        nextScan();
        Files.writeString(dir.resolve("prefixd.cfg"), "a = 1\n");
        nextScan();
    }

    @Test
    void scansAgainWhenAConfigFileIsRemoved() throws Exception {
        Files.writeString(dir.resolve("prefixd.cfg"), "a = 1\n");
        start(dir).watch();
        nextScan();
        Files.delete(dir.resolve("prefixd.cfg"));
        nextScan();
    }

    @Test
    void refusesToWatchADirectoryThatDoesNotExist() throws Exception {
        DirectoryWatcher missing = start(dir.resolve("missing"));
        nextScan();
        assertThrows(IOException.class, missing::watch);
    }

    @Test
    void endsItsThreadWhenClosed() throws Exception {
        start(dir).watch();
        Thread thread = nextScan();
        watcher.close();
        thread.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        assertFalse(thread.isAlive(), "the watcher thread is still running after close()");
    }

    @Test
    void runsOnlyTheFirstScanWithoutAWatchService() throws Exception {
        watcher = new DirectoryWatcher(dir, null, Duration.ofMillis(50), () -> scans.add(Thread.currentThread()), "prefixd-configs");
        watcher.start();
        Thread thread = nextScan();
        assertFalse(watcher.watch());
        thread.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        assertFalse(thread.isAlive());
    }
}
