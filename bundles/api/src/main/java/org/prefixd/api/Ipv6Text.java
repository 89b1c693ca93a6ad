package org.prefixd.api;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** RFC 5952 text for IPv6 addresses (the JDK prints the long form with a scope). */
public final class Ipv6Text {
    private Ipv6Text() {
    }

    public static String format(Inet6Address address) {
        byte[] b = address.getAddress();
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) words[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        int bestStart = -1, bestLength = 0;
        for (int i = 0; i < 8; ) {
            if (words[i] != 0) { i++; continue; }
            int j = i;
            while (j < 8 && words[j] == 0) j++;
            if (j - i > bestLength && j - i >= 2) { bestStart = i; bestLength = j - i; }
            i = j;
        }
        StringBuilder out = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') out.append(':');
            out.append(Integer.toHexString(words[i]));
        }
        return out.toString();
    }

    /**
     * Parses an IPv6 address literal ("2001:db8::1", optionally with "%scope" or "/len", which
     * are dropped). Only ASCII hex digits, ':' and '.' reach InetAddress, so no name lookup ever
     * happens; an IPv4-mapped literal stays an Inet6Address.
     */
    public static Inet6Address parse(String text) {
        if (text == null) throw new IllegalArgumentException("no address given");
        String bare = text;
        for (int i = 0; i < bare.length(); i++) {
            if (bare.charAt(i) == '%' || bare.charAt(i) == '/') {
                bare = bare.substring(0, i);
                break;
            }
        }
        // The JDK takes a text as a literal only when it starts with a hex digit or ':'; anything
        // else (".:1") it would look up as a host name.
        if (bare.isEmpty() || bare.length() > 45 || bare.indexOf(':') < 0 || Character.digit(bare.charAt(0), 16) < 0 && bare.charAt(0) != ':')
            throw notAnAddress(text);
        for (int i = 0; i < bare.length(); i++) {
            char c = bare.charAt(i);
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex && c != ':' && c != '.') throw notAnAddress(text);
        }
        try {
            byte[] raw = InetAddress.getByName(bare).getAddress(); // a literal: checked above
            return Inet6Address.getByAddress(null, raw.length == 16 ? raw : mapped(raw), -1);
        } catch (UnknownHostException e) {
            throw notAnAddress(text);
        }
    }

    private static byte[] mapped(byte[] v4) {
        byte[] out = new byte[16];
        out[10] = (byte) 0xff;
        out[11] = (byte) 0xff;
        System.arraycopy(v4, 0, out, 12, 4);
        return out;
    }

    private static IllegalArgumentException notAnAddress(String text) {
        return new IllegalArgumentException("'" + SafeText.printable(text) + "' is not an IPv6 address");
    }
}
