package org.prefixd.radvd;

import java.net.Inet6Address;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.prefixd.api.Ipv6Text;

/**
 * Renders radvd.conf (radvd 2.x syntax) from typed LAN adverts, at a given time: the lifetimes
 * are what is left of the lease then, and radvd counts them down from there
 * (DecrementLifetimes), so an RA never promises more than the lease; a deprecated prefix is
 * written without the count-down (radvd would leave it out), so its writer must write it again
 * as time passes. Prefixes are never
 * deprecated by radvd itself (DeprecatePrefix off): prefixd says when, by a preferred lifetime
 * of 0 (RFC 9096). Output is deterministic: LANs and their prefixes in a stable order. Pure.
 */
public final class RadvdConf {
    /** radvd's default MaxRtrAdvInterval (seconds), written out so the RDNSS/DNSSL lifetimes can refer to it. */
    public static final int MAX_RTR_ADV_INTERVAL = 600;

    private RadvdConf() {
    }

    public static String render(List<LanAdvert> adverts, Instant now) {
        List<LanAdvert> sorted = new ArrayList<>(adverts);
        sorted.sort(Comparator.comparing(a -> a.lan().value()));
        StringBuilder out = new StringBuilder("# Written by prefixd from its LAN configuration and the delegated prefixes.\n"
                + "# Changes here are overwritten; configure prefixd.lan instead.\n");
        for (LanAdvert a : sorted) {
            out.append("\ninterface ").append(a.lan().value()).append("\n{\n");
            line(out, 1, "AdvSendAdvert on");
            line(out, 1, "MaxRtrAdvInterval " + MAX_RTR_ADV_INTERVAL);
            line(out, 1, "AdvManagedFlag " + onOff(a.managed()));
            line(out, 1, "AdvOtherConfigFlag " + onOff(a.otherConfig()));
            a.mtu().ifPresent(mtu -> line(out, 1, "AdvLinkMTU " + mtu));
            List<LanAdvert.PrefixAdvert> prefixes = new ArrayList<>(a.prefixes());
            prefixes.sort(Comparator.comparing(p -> p.prefix().toString()));
            long longestValid = 0;
            for (LanAdvert.PrefixAdvert p : prefixes) {
                long valid = seconds(now, p.validUntil());
                longestValid = Math.max(longestValid, valid);
                out.append("    prefix ").append(p.prefix()).append("\n    {\n");
                line(out, 2, "AdvOnLink on");
                line(out, 2, "AdvAutonomous on");
                long preferred = Math.min(seconds(now, p.preferredUntil()), valid);
                line(out, 2, "AdvPreferredLifetime " + preferred);
                line(out, 2, "AdvValidLifetime " + valid);
                line(out, 2, "DeprecatePrefix off");
                // radvd 2.19 leaves out a prefix whose preferred lifetime is 0 when it decrements:
                // a deprecated one keeps its values, and the writer rewrites it as they run down.
                line(out, 2, "DecrementLifetimes " + onOff(preferred > 0));
                out.append("    };\n");
            }
            // radvd wants these between MaxRtrAdvInterval and 2 × MaxRtrAdvInterval; within that, no longer than the prefixes.
            long infoLifetime = Math.max(MAX_RTR_ADV_INTERVAL, Math.min(longestValid, 2L * MAX_RTR_ADV_INTERVAL));
            if (!a.dnsServers().isEmpty()) {
                out.append("    RDNSS");
                for (Inet6Address d : a.dnsServers()) out.append(' ').append(Ipv6Text.format(d));
                out.append("\n    {\n");
                line(out, 2, "AdvRDNSSLifetime " + infoLifetime);
                out.append("    };\n");
            }
            if (!a.domains().isEmpty()) {
                out.append("    DNSSL");
                for (String d : a.domains()) out.append(' ').append(d);
                out.append("\n    {\n");
                line(out, 2, "AdvDNSSLLifetime " + infoLifetime);
                out.append("    };\n");
            }
            out.append("};\n");
        }
        return out.toString();
    }

    private static final java.util.regex.Pattern DNSSL_NAMES = java.util.regex.Pattern.compile("(?m)^(\\s*DNSSL)((?: \\S+)+)$");
    private static final java.util.regex.Pattern ADDRESS = java.util.regex.Pattern.compile("[0-9a-fA-F]*:[0-9a-fA-F:.]*(?:/[0-9]+)?");
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[0-9]+");

    /**
     * The form of a rendered file: its addresses, prefixes, numbers and DNSSL names replaced by
     * placeholders, one each. Whether radvd accepts a file depends on its form (the statements,
     * how many values each has); the values are typed and checked before they are rendered. A
     * form radvd accepted once needs no second {@code radvd --configtest}.
     */
    public static String form(String conf) {
        String names = DNSSL_NAMES.matcher(conf).replaceAll(m -> m.group(1) + " D".repeat(m.group(2).split(" ").length - 1));
        return NUMBER.matcher(ADDRESS.matcher(names).replaceAll("A")).replaceAll("N");
    }

    private static void line(StringBuilder out, int depth, String text) {
        out.append("    ".repeat(depth)).append(text).append(";\n");
    }

    private static String onOff(boolean b) {
        return b ? "on" : "off";
    }

    /** Whole seconds left until {@code until}, 0 when past, at most 2^32 - 2 (0xffffffff means infinity to radvd). */
    static long seconds(Instant now, Instant until) {
        long s = Duration.between(now, until).getSeconds();
        return Math.max(0, Math.min(0xfffffffeL, s));
    }
}
