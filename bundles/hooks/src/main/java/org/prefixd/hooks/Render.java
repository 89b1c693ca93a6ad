package org.prefixd.hooks;

import java.net.Inet6Address;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.prefixd.api.Ipv6Text;

/** How values look in every style: addresses compressed, lifetimes in remaining seconds. */
final class Render {
    /** A lifetime of 2^32-1 seconds or more is infinity, as in DHCPv6 itself. */
    static final long INFINITE = 0xffffffffL;

    private Render() {
    }

    static long remaining(Instant now, Instant until) {
        long seconds = Duration.between(now, until).getSeconds();
        return Math.max(0, Math.min(INFINITE, seconds));
    }

    /** ",preferred,valid" in remaining seconds: how odhcp6c's and prefixd's lists give an entry's lifetimes. */
    static String lifetimes(Instant now, Instant preferredUntil, Instant validUntil) {
        return "," + remaining(now, preferredUntil) + "," + remaining(now, validUntil);
    }

    static List<String> addresses(List<Inet6Address> addresses) {
        return addresses.stream().map(Ipv6Text::format).toList();
    }

    static List<String> withDot(List<String> names) {
        return names.stream().map(n -> n + ".").toList();
    }
}
