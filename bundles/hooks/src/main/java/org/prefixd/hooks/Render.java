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

    /**
     * The owner's received options as variables {@code <prefix><code>}, their bodies as lower-case
     * hex (validated by ReceivedOption: never raw bytes); a code sent more than once: its
     * instances space-separated when {@code all}, else the last one (odhcp6c's way).
     */
    static void options(Environment env, String prefix, List<org.prefixd.api.ReceivedOption> options, boolean all) {
        java.util.Map<Integer, List<String>> byCode = new java.util.LinkedHashMap<>();
        for (org.prefixd.api.ReceivedOption o : options) {
            List<String> values = byCode.get(o.code());
            if (values == null) byCode.put(o.code(), values = new java.util.ArrayList<>());
            values.add(o.hex());
        }
        for (var e : byCode.entrySet())
            env.put(prefix + e.getKey(), all ? String.join(" ", e.getValue()) : e.getValue().get(e.getValue().size() - 1));
    }

    static List<String> addresses(List<Inet6Address> addresses) {
        return addresses.stream().map(Ipv6Text::format).toList();
    }

    static List<String> withDot(List<String> names) {
        return names.stream().map(n -> n + ".").toList();
    }
}
