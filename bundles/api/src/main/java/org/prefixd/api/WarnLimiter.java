package org.prefixd.api;

import java.util.function.Consumer;

/**
 * At most 10 warnings a minute, so a flood of bad input cannot flood the log; when a minute
 * ends, how many were left out is said once.
 */
public final class WarnLimiter {
    private static final long WINDOW_NANOS = 60_000_000_000L;
    private static final int PER_WINDOW = 10;

    private long windowStart = System.nanoTime();
    private int inWindow;
    private int suppressed;

    /** @param log where a warning goes, e.g. {@code logger::warn} */
    public synchronized void warn(Consumer<String> log, String message) {
        long now = System.nanoTime();
        if (now - windowStart > WINDOW_NANOS) {
            if (suppressed > 0) log.accept(suppressed + " more warnings like the above were not logged");
            windowStart = now;
            inWindow = 0;
            suppressed = 0;
        }
        if (inWindow++ < PER_WINDOW) log.accept(message);
        else suppressed++;
    }
}
