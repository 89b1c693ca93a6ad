package org.prefixd.api;

import java.net.Inet6Address;
import java.net.UnknownHostException;
import java.util.Objects;

/** An IPv6 prefix: the network address (host bits cleared) and the length. */
public record Prefix(Inet6Address network, int length) {
    public Prefix {
        Objects.requireNonNull(network, "network");
        if (length < 0 || length > 128) throw new IllegalArgumentException("prefix length " + length + " is not in 0..128");
        network = masked(network, length);
    }

    private static Inet6Address masked(Inet6Address address, int length) {
        byte[] b = address.getAddress();
        for (int bit = length; bit < 128; bit++) b[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        try {
            return Inet6Address.getByAddress(null, b, -1);
        } catch (UnknownHostException impossible) {
            throw new AssertionError(impossible);
        }
    }

    /** Whether {@code inner} lies within this prefix (itself included). */
    public boolean contains(Prefix inner) {
        return inner.length >= length && new Prefix(inner.network, length).equals(this);
    }

    /** Whether the two share any address: one contains the other. */
    public boolean overlaps(Prefix other) {
        return contains(other) || other.contains(this);
    }

    /**
     * Reads "2001:db8:100::/56" (the address in any form {@link Ipv6Text#parse} takes).
     *
     * @throws IllegalArgumentException when it is not an IPv6 prefix
     */
    public static Prefix parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) throw new IllegalArgumentException("not a prefix (no /length): " + text);
        int length;
        try {
            length = Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a prefix length: " + text);
        }
        return new Prefix(Ipv6Text.parse(text.substring(0, slash)), length);
    }

    /** "2001:db8:100::/56" */
    @Override
    public String toString() {
        return Ipv6Text.format(network) + "/" + length;
    }
}
