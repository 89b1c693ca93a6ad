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

    /** "2001:db8:100::/56" */
    @Override
    public String toString() {
        return Ipv6Text.format(network) + "/" + length;
    }
}
