package org.prefixd.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The state document is republished on every change, but at most once per {@code interval}: a
 * change within it is published once when the interval ends (the latest state then), never lost.
 * Pure: told the time.
 */
public final class StateThrottle {
    private final Duration interval;
    private Instant last = Instant.MIN;
    private boolean pending;

    public StateThrottle(Duration interval) {
        if (interval.isNegative()) throw new IllegalArgumentException("interval " + interval);
        this.interval = interval;
    }

    /**
     * A change at {@code now}.
     *
     * @return when to publish: {@code now}, or the end of the interval when no publication is
     *         scheduled yet; empty when one is already scheduled (it will carry this change)
     */
    public synchronized Optional<Instant> changed(Instant now) {
        if (pending) return Optional.empty();
        Instant due = last.equals(Instant.MIN) ? now : last.plus(interval);
        if (!due.isAfter(now)) due = now;
        pending = true;
        return Optional.of(due);
    }

    /** Published at {@code now}. */
    public synchronized void published(Instant now) {
        last = now;
        pending = false;
    }
}
