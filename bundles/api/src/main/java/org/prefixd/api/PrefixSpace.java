package org.prefixd.api;

import java.net.Inet6Address;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Optional;

/**
 * Subnets of a prefix of at most 64 bits, numbered: what the LAN distributor and the LAN servers'
 * delegations to downstream routers carve from a delegated prefix alike. Pure.
 */
public final class PrefixSpace {
    private PrefixSpace() {
    }

    /** Subnet number {@code i} of the given length in {@code outer} (both at most /64: only the upper 64 bits move). */
    public static Prefix subnet(Prefix outer, int length, long i) {
        check(outer, length);
        long high = high(outer) | (length == 64 ? i : i << (64 - length));
        byte[] b = new byte[16];
        for (int k = 0; k < 8; k++) b[k] = (byte) (high >>> (56 - 8 * k));
        try {
            return new Prefix(Inet6Address.getByAddress(null, b, -1), length);
        } catch (UnknownHostException impossible) {
            throw new AssertionError(impossible);
        }
    }

    /** The number of {@code subnet} among the subnets of its length in {@code outer}. */
    public static long index(Prefix outer, Prefix subnet) {
        return (high(subnet) - high(outer)) >>> (64 - subnet.length());
    }

    /** How many subnets of {@code length} {@code outer} holds, at most 2^63 (counted as Long.MAX_VALUE beyond). */
    public static long count(Prefix outer, int length) {
        check(outer, length);
        int bits = length - outer.length();
        return bits >= 63 ? Long.MAX_VALUE : 1L << bits;
    }

    public static boolean free(Prefix p, Collection<Prefix> taken) {
        for (Prefix t : taken) if (p.overlaps(t)) return false;
        return true;
    }

    /** The lowest free subnet: on a collision it jumps past the whole taken prefix, so the work is bounded by the taken ones. */
    public static Optional<Prefix> lowestFree(Prefix outer, int length, Collection<Prefix> taken) {
        long count = count(outer, length);
        long i = 0;
        while (i < count) {
            Prefix candidate = subnet(outer, length, i);
            Prefix blocking = null;
            for (Prefix t : taken) if (candidate.overlaps(t)) { blocking = t; break; }
            if (blocking == null) return Optional.of(candidate);
            if (blocking.length() <= length) {
                // the taken prefix is at least as large: continue after its end
                long end = high(blocking) + (blocking.length() == 0 ? 0 : (1L << (64 - blocking.length())));
                i = (end - high(outer)) >>> (64 - length);
                if (end == 0) return Optional.empty(); // wrapped: the taken prefix reaches the end of the space
            } else {
                i++;
            }
        }
        return Optional.empty();
    }

    private static void check(Prefix outer, int length) {
        if (outer.length() > 64 || length > 64 || length < outer.length())
            throw new IllegalArgumentException("no /" + length + " subnets in " + outer + " (both at most /64, the subnet the longer)");
    }

    private static long high(Prefix p) {
        byte[] b = p.network().getAddress();
        long h = 0;
        for (int k = 0; k < 8; k++) h = (h << 8) | (b[k] & 0xff);
        return h;
    }
}
