package org.prefixd.it.osgi;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition with a deadline, polling every few milliseconds: never a fixed sleep. */
final class Await {
    private static final long POLL_NANOS = 5_000_000L;

    private Await() {
    }

    static void until(String what, Duration timeout, BooleanSupplier condition) {
        until(what, timeout, condition, () -> "");
    }

    /**
     * @param lastSeen what the condition looked at, for the failure message
     * @throws AssertionError when the condition does not hold within the timeout
     */
    static void until(String what, Duration timeout, BooleanSupplier condition, Supplier<String> lastSeen) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline >= 0) {
                String seen = lastSeen.get();
                throw new AssertionError("waited " + timeout.toMillis() + " ms for " + what + (seen.isEmpty() ? "" : "; last seen: " + seen));
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }
}
