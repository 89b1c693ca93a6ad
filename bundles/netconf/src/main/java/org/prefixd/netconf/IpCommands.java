package org.prefixd.netconf;

import java.net.Inet6Address;
import java.util.List;

import org.prefixd.api.InterfaceName;
import org.prefixd.api.Ipv6Text;
import org.prefixd.api.NetConfig;
import org.prefixd.api.Prefix;

/**
 * The iproute2 commands for each NetConfig call, as argument arrays built from typed values:
 * nothing is ever parsed by a shell. "replace" makes them idempotent.
 */
final class IpCommands {
    static final long FOREVER = 0xffffffffL;

    private IpCommands() {
    }

    static List<String> setAddress(InterfaceName dev, Inet6Address address, int length, long preferred, long valid) {
        if (length < 1 || length > 128) throw new IllegalArgumentException("prefix length " + length + " is not in 1..128");
        if (preferred > valid) throw new IllegalArgumentException("preferred lifetime " + preferred + " > valid lifetime " + valid);
        List<String> command = new java.util.ArrayList<>(List.of("ip", "-6", "addr", "replace", Ipv6Text.format(address) + "/" + length,
                "dev", dev.value(), "valid_lft", lifetime(valid), "preferred_lft", lifetime(preferred)));
        // A /128 (the WAN's IA_NA) needs no route of its own; a subnet's address (a LAN's /64)
        // brings its on-link route, which outranks the delegated prefix's unreachable route.
        if (length == 128) command.add("noprefixroute");
        return List.copyOf(command);
    }

    /** An IPv4 address of DHCPv4 over DHCPv6: valid and preferred for the lease's remaining time. */
    static List<String> setAddress4(InterfaceName dev, java.net.Inet4Address address, int length, long valid) {
        if (length < 1 || length > 32) throw new IllegalArgumentException("prefix length " + length + " is not in 1..32");
        if (valid < 1) throw new IllegalArgumentException("valid lifetime " + valid + " is not positive");
        return List.of("ip", "-4", "addr", "replace", address.getHostAddress() + "/" + length, "dev", dev.value(),
                "valid_lft", lifetime(valid), "preferred_lft", lifetime(valid));
    }

    static List<String> removeAddress4(InterfaceName dev, java.net.Inet4Address address, int length) {
        return List.of("ip", "-4", "addr", "del", address.getHostAddress() + "/" + length, "dev", dev.value());
    }

    static List<String> removeAddress(InterfaceName dev, Inet6Address address, int length) {
        return List.of("ip", "-6", "addr", "del", Ipv6Text.format(address) + "/" + length, "dev", dev.value());
    }

    /** One line per IPv6 address of the interface, with its flags (tentative, dadfailed, ...). */
    static List<String> showAddresses(InterfaceName dev) {
        return List.of("ip", "-6", "-o", "addr", "show", "dev", dev.value());
    }

    /** Reads `ip -6 -o addr show dev X` (the kernel's own output, not a server's) for one address. */
    static NetConfig.AddressState addressState(String output, Inet6Address address) {
        boolean linkUsable = false;
        for (String line : output.split("\n")) {
            List<String> words = List.of(line.trim().split("\\s+"));
            int at = words.indexOf("inet6");
            if (at < 0 || at + 1 >= words.size()) continue;
            Inet6Address listed;
            try {
                listed = Ipv6Text.parse(words.get(at + 1));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (listed.equals(address)) {
                if (words.contains("dadfailed")) return NetConfig.AddressState.DUPLICATE;
                return words.contains("tentative") ? NetConfig.AddressState.TENTATIVE : NetConfig.AddressState.PRESENT;
            }
            if (listed.isLinkLocalAddress() && !words.contains("tentative")) linkUsable = true;
        }
        return linkUsable ? NetConfig.AddressState.ABSENT : NetConfig.AddressState.NO_LINK;
    }

    static List<String> setUnreachable(Prefix prefix) {
        return List.of("ip", "-6", "route", "replace", "unreachable", prefix.toString(), "metric", "2147483647", "proto", "static");
    }

    static List<String> removeUnreachable(Prefix prefix) {
        return List.of("ip", "-6", "route", "del", "unreachable", prefix.toString(), "metric", "2147483647");
    }

    /** A delegated prefix's route via the downstream router; the kernel drops it when it expires, also without prefixd. */
    static List<String> setRoute(Prefix prefix, Inet6Address via, InterfaceName dev, long valid) {
        if (!via.isLinkLocalAddress()) throw new IllegalArgumentException("next hop " + Ipv6Text.format(via) + " is not link-local");
        if (valid < 1 || valid >= FOREVER) throw new IllegalArgumentException("route lifetime " + valid + " is not in 1.." + (FOREVER - 1));
        return List.of("ip", "-6", "route", "replace", prefix.toString(), "via", Ipv6Text.format(via), "dev", dev.value(), "proto", "static",
                "expires", Long.toString(valid));
    }

    static List<String> removeRoute(Prefix prefix, Inet6Address via, InterfaceName dev) {
        return List.of("ip", "-6", "route", "del", prefix.toString(), "via", Ipv6Text.format(via), "dev", dev.value());
    }

    private static String lifetime(long seconds) {
        if (seconds < 0 || seconds > FOREVER) throw new IllegalArgumentException("lifetime " + seconds + " does not fit 32 bits");
        return seconds == FOREVER ? "forever" : Long.toString(seconds);
    }

    /** iproute2's answer to removing something already gone: success for an idempotent removal. */
    static boolean alreadyGone(String stderr) {
        return stderr.contains("No such process") || stderr.contains("Cannot assign requested address") || stderr.contains("address not found") || stderr.contains("Address not found")
                || stderr.contains("No such file or directory") || stderr.contains("does not exist");
    }
}
