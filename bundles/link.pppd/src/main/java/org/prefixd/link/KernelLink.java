package org.prefixd.link;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.prefixd.api.InterfaceName;

/**
 * What the kernel says about one interface at one moment (from {@code ip -j addr show dev X}).
 *
 * @param name interface name
 * @param index kernel interface index
 * @param flags link flags as iproute2 prints them (UP, LOWER_UP, NO-CARRIER, ...)
 * @param operState RFC 2863 operational state (UP, DOWN, LOWERLAYERDOWN, UNKNOWN for ppp, ...)
 * @param addresses the IPv6 addresses on the interface
 */
public record KernelLink(InterfaceName name, int index, Set<String> flags, String operState,
                         List<KernelAddress> addresses) {
    public KernelLink {
        Objects.requireNonNull(name, "name");
        flags = Set.copyOf(flags);
        Objects.requireNonNull(operState, "operState");
        addresses = List.copyOf(addresses);
    }

    /** Administratively up and with carrier: frames can flow. */
    public boolean hasCarrier() {
        boolean operational = switch (operState) {
            case "DOWN", "LOWERLAYERDOWN", "NOTPRESENT", "DORMANT" -> false;
            default -> true; // UP, and UNKNOWN which is what ppp and tun links report
        };
        return flags.contains("UP") && flags.contains("LOWER_UP") && !flags.contains("NO-CARRIER") && operational;
    }

    /** Why this link cannot carry IPv6 on its own, or null when it can. */
    public String whyNotUsable() {
        if (!flags.contains("UP")) return "interface is administratively down";
        if (!hasCarrier()) return "no carrier";
        boolean anyLinkLocal = false;
        for (KernelAddress a : addresses) {
            if (a.isUsableLinkLocal()) return null;
            anyLinkLocal |= a.local().isLinkLocalAddress();
        }
        return anyLinkLocal ? "link-local address is tentative or failed DAD" : "no link-local address";
    }
}
