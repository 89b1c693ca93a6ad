package org.prefixd.dhcp6.client.osgi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.osgi.service.log.Logger;
import org.prefixd.api.WarnLimiter;
import org.prefixd.dhcp6.client.Lease;
import org.prefixd.dhcp6.client.LeaseFile;

/**
 * The lease file of one link, kept up to date from the effects thread. When the state
 * directory refuses a write (full, read-only), the lease stays in memory and in use, the error
 * is logged at once and then at most once a minute, and the newest state is written again
 * every {@link #RETRY} until the directory takes it.
 */
final class LeaseStore {
    static final Duration RETRY = Duration.ofSeconds(10);

    private final Path file;
    private final Optional<String> writer;
    private final ScheduledExecutorService timers;
    private final Executor effects;
    private final Logger log;
    private WarnLimiter errors = new WarnLimiter(1);
    /** What the file should hold: a lease (and its unheard event, its writer), or empty for no file. */
    private record Wanted(Lease lease, Optional<LeaseFile.Unheard> unheard, Optional<String> writer) {
    }

    /** What the file should hold and does not yet. Effects thread. */
    private Optional<Optional<Wanted>> pending = Optional.empty();
    private ScheduledFuture<?> retry;

    /** @param writer the running framework's UUID, written into the file */
    LeaseStore(Path file, Optional<String> writer, ScheduledExecutorService timers, Executor effects, Logger log) {
        this.file = file;
        this.writer = writer;
        this.timers = timers;
        this.effects = effects;
        this.log = log;
    }

    /** Effects thread: the file is to hold this lease from now on. */
    void save(Lease lease) {
        save(lease, Optional.empty());
    }

    /** @param unheard the lease's last event, when no listener heard it */
    void save(Lease lease, Optional<LeaseFile.Unheard> unheard) {
        store(Optional.of(new Wanted(lease, unheard, writer)));
    }

    /** Effects thread: the lease as it is, written by {@code writtenBy} (a resumed lease's file goes on naming it), nothing unheard. */
    void rewrite(Lease lease, Optional<String> writtenBy) {
        store(Optional.of(new Wanted(lease, Optional.empty(), writtenBy)));
    }

    /** Effects thread: there is no lease any more. */
    void delete() {
        store(Optional.empty());
    }

    private void store(Optional<Wanted> wanted) {
        if (retry != null) retry.cancel(false);
        retry = null;
        try {
            if (wanted.isPresent()) LeaseFile.write(file, wanted.get().lease(), wanted.get().writer(), wanted.get().unheard());
            else Files.deleteIfExists(file);
            if (pending.isPresent()) {
                log.info("the lease file {} is up to date again", file);
                errors = new WarnLimiter(1); // the next failure is news
            }
            pending = Optional.empty();
        } catch (IOException e) {
            if (pending.isEmpty() || !pending.get().equals(wanted)) pending = Optional.of(wanted);
            errors.warn(log::error, "could not " + (wanted.isPresent() ? "write the lease to " : "delete ") + file + ": " + e
                    + "; the lease stays in use, and the file is written again every " + RETRY.getSeconds() + " s until it can be");
            try {
                retry = timers.schedule(() -> effects.execute(this::retry), RETRY.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                // deactivated: the next start reads whatever the file holds
            }
        }
    }

    private void retry() {
        pending.ifPresent(this::store);
    }
}
