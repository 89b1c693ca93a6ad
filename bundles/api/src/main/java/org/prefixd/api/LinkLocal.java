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
        if (text == null) throw new IllegalArgumentException("no address given");
        String bare = text;
        int cut = indexOfAny(bare, '%', '/');
        if (cut >= 0) bare = bare.substring(0, cut);
        if (bare.isEmpty() || bare.length() > 45 || bare.indexOf(':') < 0)
            throw new IllegalArgumentException("'" + SafeText.printable(text) + "' is not an IPv6 address");
        for (int i = 0; i < bare.length(); i++) {
            char c = bare.charAt(i);
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex && c != ':' && c != '.')
                throw new IllegalArgumentException("'" + SafeText.printable(text) + "' is not an IPv6 address");
        }
        InetAddress parsed;
        try {
            parsed = InetAddress.getByName(bare); // literal only: checked above
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + SafeText.printable(text) + "' is not an IPv6 address");
        }
        if (!is(parsed)) throw new IllegalArgumentException(bare + " is not an IPv6 link-local address");
        return require(parsed);
    }

    /** Text form without scope, compressed as iproute2 prints it. */
    public static String format(Inet6Address address) {
        return Ipv6Text.format(address);
    }

    private static int indexOfAny(String s, char a, char b) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == a || s.charAt(i) == b) return i;
        return -1;
    }

}
