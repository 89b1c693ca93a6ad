package org.prefixd.dhcp6.server;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token buckets for a LAN's clients, each with a burst of twice its rate: per source address
 * (checked before a message is decoded), per client DUID (after), and for the whole LAN; what is
 * over is dropped. At most {@link #MAX_TRACKED} sources and as many clients are tracked (the least
 * recently seen forgotten first), so random addresses and DUIDs cost bounded memory.
 */
public final class RateLimits {
    /** A client (by DUID) needs a few messages a minute; a retransmitting one a few a second. */
    public static final double PER_CLIENT_RATE = 10;
    static final int MAX_TRACKED = 4096;

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        boolean take(long nanos, double rate) {
            tokens = Math.min(2 * rate, tokens + (nanos - at) / 1e9 * rate);
            at = nanos;
            if (tokens < 1) return false;
            tokens -= 1;
            return true;
        }
    }

    private final double perSource;
    private final double perLan;
    private final Map<String, Bucket> sources = tracked();
    private final Map<String, Bucket> clients = tracked();
    private Bucket lan;

    /** @param perSource messages a second from one source address; @param perLan from the whole LAN */
    public RateLimits(double perSource, double perLan) {
        if (perSource < 1 || perLan < 1) throw new IllegalArgumentException("rates below 1 message a second");
        this.perSource = perSource;
        this.perLan = perLan;
    }

    private static Map<String, Bucket> tracked() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > MAX_TRACKED;
            }
        };
    }

    /** Before decoding: whether a message from {@code source} may be looked at now (the LAN's rate counts it too). */
    public boolean allowSource(String source, Instant now) {
        long nanos = nanos(now);
        if (lan == null) lan = new Bucket(2 * perLan, nanos);
        if (!bucket(sources, source, perSource, nanos).take(nanos, perSource)) return false;
        return lan.take(nanos, perLan);
    }

    /** After decoding: whether this client (DUID, hex) may be answered now. */
    public boolean allowClient(String duid, Instant now) {
        long nanos = nanos(now);
        return bucket(clients, duid, PER_CLIENT_RATE, nanos).take(nanos, PER_CLIENT_RATE);
    }

    private static Bucket bucket(Map<String, Bucket> map, String key, double rate, long nanos) {
        Bucket b = map.get(key);
        if (b == null) map.put(key, b = new Bucket(2 * rate, nanos));
        return b;
    }

    private static long nanos(Instant now) {
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
