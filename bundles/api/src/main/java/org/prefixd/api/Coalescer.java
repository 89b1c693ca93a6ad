package org.prefixd.api;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a task once, a short delay after the first of a burst of triggers (service changes
 * arrive in bursts); a trigger while the task is pending adds nothing, one after it has started
 * runs it again. Triggers after the executor was shut down are ignored.
 */
public final class Coalescer {
    private final ScheduledExecutorService executor;
    private final Duration delay;
    private final Runnable task;
    private final AtomicBoolean pending = new AtomicBoolean();

    public Coalescer(ScheduledExecutorService executor, Duration delay, Runnable task) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.delay = Objects.requireNonNull(delay, "delay");
        this.task = Objects.requireNonNull(task, "task");
    }

    public void trigger() {
        if (!pending.compareAndSet(false, true)) return;
        try {
            executor.schedule(() -> {
                pending.set(false);
                task.run();
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            pending.set(false);
        }
    }
}
