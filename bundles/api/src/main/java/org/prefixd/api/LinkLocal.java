package org.prefixd.api;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Checks and parses IPv6 link-local unicast addresses (fe80::/10). */
public final class LinkLocal {
    private LinkLocal() {
    }

    public static boolean is(InetAddress address) {
        return address instanceof Inet6Address && address.isLinkLocalAddress();
    }

    /** The address without any scope, so equal addresses compare equal. */
    public static Inet6Address require(InetAddress address) {
        if (!is(address)) throw new IllegalArgumentException(address + " is not an IPv6 link-local address");
        try {
            return (Inet6Address) InetAddress.getByAddress(address.getAddress());
        } catch (UnknownHostException impossible) {
            throw new AssertionError(impossible);
        }
    }

    /**
     * Parses the text form of a link-local address ("fe80::1", optionally with "%scope" or
     * "/64"). Only hex digits, ':' and '.' are looked at, so no name lookup ever happens.
     */
    public static Inet6Address parse(String text) {
        Inet6Address parsed = Ipv6Text.parse(text);
        if (!is(parsed)) throw new IllegalArgumentException(format(parsed) + " is not an IPv6 link-local address");
        return parsed;
    }

    /** Text form without scope, compressed as iproute2 prints it. */
    public static String format(Inet6Address address) {
        return Ipv6Text.format(address);
    }


}
