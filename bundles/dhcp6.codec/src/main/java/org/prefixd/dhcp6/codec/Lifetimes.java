package org.prefixd.dhcp6.codec;

/** Checks of 32-bit times and lifetimes (0xffffffff is infinity, RFC 8415 §7.7). */
final class Lifetimes {
    static final long INFINITY = 0xffffffffL;

    private Lifetimes() {
    }

    static long check(String what, long v) {
        if (v < 0 || v > INFINITY) throw new IllegalArgumentException(what + " " + v + " does not fit 32 bits");
        return v;
    }
}
