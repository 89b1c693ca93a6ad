package org.prefixd.api;

import java.util.function.Consumer;

/**
 * At most 10 warnings a minute (or as many as given), so a flood of bad input or a failure
 * that repeats every few seconds cannot flood the log; when a minute ends, how many were left
 * out is said once.
 */
public final class WarnLimiter {
    private static final long WINDOW_NANOS = 60_000_000_000L;

    private final int perWindow;
    private final String noun;
    private final java.util.function.LongSupplier nanoTime;
    private long windowStart;
    private int inWindow;
    private int suppressed;

    public WarnLimiter() {
        this(10);
    }

    /** @param perMinute how many warnings a minute are logged */
    public WarnLimiter(int perMinute) {
        this(perMinute, System::nanoTime);
    }

    /** @param noun what the messages are, for the line saying how many were left out ("warnings", "lines") */
    public WarnLimiter(int perMinute, String noun) {
        this(perMinute, noun, System::nanoTime);
    }

    /** @param nanoTime the clock, {@link System#nanoTime()} but in tests */
    public WarnLimiter(int perMinute, java.util.function.LongSupplier nanoTime) {
        this(perMinute, "warnings", nanoTime);
    }

    public WarnLimiter(int perMinute, String noun, java.util.function.LongSupplier nanoTime) {
        if (perMinute < 1) throw new IllegalArgumentException("at least one warning a minute");
        this.perWindow = perMinute;
        this.noun = java.util.Objects.requireNonNull(noun, "noun");
        this.nanoTime = nanoTime;
        this.windowStart = nanoTime.getAsLong();
    }

    /** @param log where a warning goes, e.g. {@code logger::warn} */
    public synchronized void warn(Consumer<String> log, String message) {
        long now = nanoTime.getAsLong();
        if (now - windowStart > WINDOW_NANOS) {
            if (suppressed > 0) log.accept(suppressed + " more " + noun + " like the above were not logged");
            windowStart = now;
            inWindow = 0;
            suppressed = 0;
        }
        if (inWindow++ < perWindow) log.accept(message);
        else suppressed++;
    }
}
