package org.prefixd.dhcp6.client;

import java.time.Duration;
import java.time.Instant;

/**
 * Turns the 32-bit relative times of a Reply into absolute times. 0xffffffff is infinity
 * (RFC 8415 §7.7); it becomes {@link #FOREVER}, far enough to never arrive and near enough that
 * adding to it cannot overflow.
 */
final class LeaseTimes {
    static final long INFINITY = 0xffffffffL;
    static final Instant FOREVER = Instant.parse("9999-01-01T00:00:00Z");

    private LeaseTimes() {
    }

    static Instant at(Instant now, long seconds) {
        return seconds == INFINITY ? FOREVER : now.plusSeconds(seconds);
    }

    /** RFC 8415 §14.2: when the server leaves T1/T2 to the client, 0.5 and 0.8 of the shortest preferred lifetime. */
    static Duration defaultT1(long shortestPreferred) {
        return shortestPreferred == INFINITY ? Duration.ofSeconds(INFINITY) : Duration.ofMillis(shortestPreferred * 500);
    }

    static Duration defaultT2(long shortestPreferred) {
        return shortestPreferred == INFINITY ? Duration.ofSeconds(INFINITY) : Duration.ofMillis(shortestPreferred * 800);
    }
}
