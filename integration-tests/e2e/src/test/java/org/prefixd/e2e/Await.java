package org.prefixd.e2e;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for a condition about real processes and the kernel, with a deadline. */
final class Await {
    private Await() {
    }

    /** @return how long it took */
    static Duration until(String what, Duration timeout, Supplier<Boolean> condition) {
        return until(what, timeout, condition, () -> "");
    }

    /** @param context what the failure shows besides (a capture, a log tail), read only when it times out */
    static Duration until(String what, Duration timeout, Supplier<Boolean> condition, Supplier<String> context) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        Object monitor = new Object();
        while (true) {
            if (Boolean.TRUE.equals(condition.get())) return Duration.ofNanos(System.nanoTime() - start);
            if (System.nanoTime() > deadline) throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what + context.get());
            synchronized (monitor) {
                try {
                    monitor.wait(20); // poll interval: nobody notifies, the condition is outside this JVM
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted waiting for " + what);
                }
            }
        }
    }
}
