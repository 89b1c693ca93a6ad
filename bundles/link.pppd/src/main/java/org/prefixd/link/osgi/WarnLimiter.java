package org.prefixd.link.osgi;

import org.osgi.service.log.Logger;

/** At most 10 warnings a minute, so a flood of bad input cannot flood the log. */
final class WarnLimiter {
    private static final long WINDOW_NANOS = 60_000_000_000L;
    private static final int PER_WINDOW = 10;

    private long windowStart = System.nanoTime();
    private int inWindow;
    private int suppressed;

    synchronized void warn(Logger log, String message) {
        long now = System.nanoTime();
        if (now - windowStart > WINDOW_NANOS) {
            if (suppressed > 0) log.warn("{} more warnings like the above were not logged", suppressed);
            windowStart = now;
            inWindow = 0;
            suppressed = 0;
        }
        if (inWindow++ < PER_WINDOW) log.warn(message);
        else suppressed++;
    }
}
