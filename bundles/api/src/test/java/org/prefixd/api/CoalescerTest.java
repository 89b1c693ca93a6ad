package org.prefixd.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** On a hand-driven executor and clock: no threads, no sleeps. */
class CoalescerTest {
    /** Keeps what is scheduled, with its delay; {@link #runAll} runs what was not cancelled. */
    private static final class Manual extends ScheduledThreadPoolExecutor {
        final List<Scheduled> scheduled = new ArrayList<>();

        Manual() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            if (isShutdown()) throw new java.util.concurrent.RejectedExecutionException("shut down");
            Scheduled s = new Scheduled(command, unit.toMillis(delay));
            scheduled.add(s);
            return s;
        }

        List<Long> delays() {
            return scheduled.stream().filter(s -> !s.cancelled).map(s -> s.delayMillis).toList();
        }

        void runAll() {
            List<Scheduled> now = new ArrayList<>(scheduled);
            scheduled.clear();
            for (Scheduled s : now) if (!s.cancelled) s.command.run();
        }
    }

    private static final class Scheduled implements ScheduledFuture<Object> {
        final Runnable command;
        final long delayMillis;
        boolean cancelled;

        Scheduled(Runnable command, long delayMillis) {
            this.command = command;
            this.delayMillis = delayMillis;
        }

        @Override public boolean cancel(boolean interrupt) { cancelled = true; return true; }
        @Override public boolean isCancelled() { return cancelled; }
        @Override public boolean isDone() { return cancelled; }
        @Override public Object get() { return null; }
        @Override public Object get(long timeout, TimeUnit unit) { return null; }
        @Override public long getDelay(TimeUnit unit) { return unit.convert(delayMillis, TimeUnit.MILLISECONDS); }
        @Override public int compareTo(Delayed o) { return Long.compare(getDelay(TimeUnit.NANOSECONDS), o.getDelay(TimeUnit.NANOSECONDS)); }
    }

    private long nanos;

    @Test
    void aBurstOfTriggersRunsTheTaskOnceAndALaterOneAgain() {
        Manual executor = new Manual();
        AtomicInteger runs = new AtomicInteger();
        Coalescer c = new Coalescer(executor, Duration.ofMillis(20), runs::incrementAndGet, () -> nanos);
        for (int i = 0; i < 5; i++) c.trigger();
        assertEquals(List.of(20L), executor.delays());
        executor.runAll();
        assertEquals(1, runs.get());
        c.trigger();
        executor.runAll();
        assertEquals(2, runs.get());
        executor.shutdown();
        c.trigger(); // ignored
        assertEquals(2, runs.get());
    }

    @Test
    void aTriggerThatAsksForALongerWaitPostponesThePendingRunAndAShorterOneJoinsIt() {
        Manual executor = new Manual();
        AtomicInteger runs = new AtomicInteger();
        Coalescer c = new Coalescer(executor, Duration.ofMillis(1), runs::incrementAndGet, () -> nanos);
        c.trigger(); // a lease's prefix: due in 1 ms
        nanos += 500_000;
        c.trigger(Duration.ofMillis(20)); // a LAN unbound for its reconfiguration: its bind comes in a few ms
        assertEquals(List.of(20L), executor.delays(), "the 1 ms run is postponed");
        nanos += 5_000_000;
        c.trigger(); // the LAN bound again: due sooner than the pending run, so it joins it
        c.trigger(Duration.ofMillis(2));
        assertEquals(List.of(20L), executor.delays());
        executor.runAll();
        assertEquals(1, runs.get(), "one run for the whole burst");
    }
}
