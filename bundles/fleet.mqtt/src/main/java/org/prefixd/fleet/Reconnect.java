package org.prefixd.fleet;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * When to try the broker again: exponential from {@code first} up to {@code longest}, each delay
 * drawn between half and all of it (full jitter from half), so that a broker restart does not
 * bring every router of a fleet back in the same second. Pure: the random source is given.
 */
public final class Reconnect {
    private final Duration first;
    private final Duration longest;
    private final DoubleSupplier random;
    private int failures;

    /** @param random uniform in [0, 1), e.g. ThreadLocalRandom.current()::nextDouble */
    public Reconnect(Duration first, Duration longest, DoubleSupplier random) {
        this.first = Objects.requireNonNull(first, "first");
        this.longest = Objects.requireNonNull(longest, "longest");
        this.random = Objects.requireNonNull(random, "random");
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0) throw new IllegalArgumentException("delays " + first + " to " + longest);
    }

    /** The delay before the next attempt, after one more failure. */
    public Duration next() {
        long ceiling = first.toMillis();
        for (int i = 0; i < failures && ceiling < longest.toMillis(); i++) ceiling *= 2;
        ceiling = Math.min(ceiling, longest.toMillis());
        failures++;
        return Duration.ofMillis(ceiling / 2 + (long) (random.getAsDouble() * (ceiling - ceiling / 2)));
    }

    /** Connected: the next failure starts from {@code first} again. */
    public void reset() {
        failures = 0;
    }
}
