package org.prefixd.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** On a hand-driven executor: no threads, no sleeps. */
class CoalescerTest {
    /** Keeps what is scheduled; {@link #runAll} runs it. */
    private static final class Manual extends ScheduledThreadPoolExecutor {
        final List<Runnable> scheduled = new ArrayList<>();

        Manual() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            if (isShutdown()) throw new java.util.concurrent.RejectedExecutionException("shut down");
            scheduled.add(command);
            return null;
        }

        void runAll() {
            List<Runnable> now = new ArrayList<>(scheduled);
            scheduled.clear();
            now.forEach(Runnable::run);
        }
    }

    @Test
    void aBurstOfTriggersRunsTheTaskOnceAndALaterOneAgain() {
        Manual executor = new Manual();
        AtomicInteger runs = new AtomicInteger();
        Coalescer c = new Coalescer(executor, Duration.ofMillis(20), runs::incrementAndGet);
        for (int i = 0; i < 5; i++) c.trigger();
        assertEquals(1, executor.scheduled.size());
        executor.runAll();
        assertEquals(1, runs.get());
        c.trigger();
        executor.runAll();
        assertEquals(2, runs.get());
        executor.shutdown();
        c.trigger(); // ignored
        assertEquals(2, runs.get());
    }
}
