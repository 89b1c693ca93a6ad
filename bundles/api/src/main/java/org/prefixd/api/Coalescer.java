package org.prefixd.api;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Runs a task once, a short delay after the first of a burst of triggers (service changes
 * arrive in bursts); a trigger while the task is pending adds nothing, one after it has started
 * runs it again. A trigger may ask for a longer wait than the run pending (a reconfigured
 * component's unbind and bind come milliseconds apart, a lease's services microseconds apart):
 * the run then waits that long. Triggers after the executor was shut down are ignored.
 */
public final class Coalescer {
    private final ScheduledExecutorService executor;
    private final Duration delay;
    private final Runnable task;
    private final LongSupplier nanoTime;
    private ScheduledFuture<?> pending; // guarded by this
    private long pendingDue; // guarded by this: System.nanoTime() when the pending run is due
    private long generation; // guarded by this: which scheduled run is the pending one

    public Coalescer(ScheduledExecutorService executor, Duration delay, Runnable task) {
        this(executor, delay, task, System::nanoTime);
    }

    Coalescer(ScheduledExecutorService executor, Duration delay, Runnable task, LongSupplier nanoTime) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.delay = Objects.requireNonNull(delay, "delay");
        this.task = Objects.requireNonNull(task, "task");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /** Runs the task after the delay given at construction, or with the run already pending. */
    public void trigger() {
        trigger(delay);
    }

    /** Runs the task no sooner than {@code wait} from now: with the run pending, or postponing it. */
    public synchronized void trigger(Duration wait) {
        long due = nanoTime.getAsLong() + wait.toNanos();
        if (pending != null) {
            if (due - pendingDue <= 0) return;
            pending.cancel(false); // already started: it runs, and so does the one scheduled here
        }
        long run = ++generation;
        try {
            pendingDue = due;
            pending = executor.schedule(() -> fire(run), wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            pending = null;
        }
    }

    private void fire(long run) {
        synchronized (this) {
            if (run == generation) pending = null;
        }
        task.run();
    }
}
