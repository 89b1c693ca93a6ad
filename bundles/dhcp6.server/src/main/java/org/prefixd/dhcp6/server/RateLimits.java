package org.prefixd.dhcp6.server;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token buckets for a LAN's clients: each source address may send {@link #PER_SOURCE_RATE} messages a
 * second (bursts of {@link #PER_SOURCE_BURST}), the whole LAN {@link #PER_LAN_RATE}; what is over
 * is dropped before it is decoded. At most {@link #MAX_SOURCES} sources are tracked (the least
 * recently seen forgotten first), so random source addresses cost bounded memory.
 */
public final class RateLimits {
    public static final double PER_SOURCE_RATE = 10, PER_SOURCE_BURST = 20, PER_LAN_RATE = 2000, PER_LAN_BURST = 4000;
    static final int MAX_SOURCES = 4096;

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        boolean take(long nanos, double rate, double burst) {
            tokens = Math.min(burst, tokens + (nanos - at) / 1e9 * rate);
            at = nanos;
            if (tokens < 1) return false;
            tokens -= 1;
            return true;
        }
    }

    private final Map<String, Bucket> sources = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_SOURCES;
        }
    };
    private Bucket lan;

    /** @return whether a message from {@code source} may be handled now */
    public boolean allow(String source, Instant now) {
        long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        if (lan == null) lan = new Bucket(PER_LAN_BURST, nanos);
        Bucket b = sources.get(source);
        if (b == null) sources.put(source, b = new Bucket(PER_SOURCE_BURST, nanos));
        if (!b.take(nanos, PER_SOURCE_RATE, PER_SOURCE_BURST)) return false;
        return lan.take(nanos, PER_LAN_RATE, PER_LAN_BURST);
    }
}
