package org.prefixd.api;

import java.util.Locale;

/** How prefixd learns that a WAN link carries IPv6. */
public enum LinkMode {
    /** pppd's ipv6-up/ipv6-down scripts, plus the kernel and the pppd process. */
    PPPD,
    /** The kernel alone: carrier and a usable link-local address. */
    ETHERNET;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LinkMode fromKey(String key) {
        for (LinkMode mode : values()) if (mode.key().equals(key)) return mode;
        throw new IllegalArgumentException("mode '" + key + "' is not one of pppd, ethernet");
    }
}
