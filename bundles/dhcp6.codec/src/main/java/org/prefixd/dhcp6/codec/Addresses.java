package org.prefixd.dhcp6.codec;

import java.net.Inet6Address;
import java.util.List;

/** The body of the options that are a list of IPv6 addresses (DNS, SIP, SNTP, DHCP4o6 servers). */
final class Addresses {
    private Addresses() {
    }

    static List<Inet6Address> read(Reader body) throws DecodeException {
        if (body.remaining() % 16 != 0)
            throw body.error("a list of IPv6 addresses cannot be " + body.remaining() + " bytes long (not a multiple of 16)");
        PendingItems addresses = body.context.pending;
        int firstAddress = addresses.mark();
        while (body.hasRemaining()) addresses.add(body.address("address"));
        return addresses.takeSince(firstAddress);
    }

    static List<Inet6Address> check(List<Inet6Address> addresses) {
        List<Inet6Address> copy = List.copyOf(addresses);
        if (copy.size() * 16 > 0xffff) throw new IllegalArgumentException(copy.size() + " addresses do not fit an option");
        return copy;
    }

    static void write(Writer out, List<Inet6Address> addresses) {
        for (Inet6Address a : addresses) out.address(a);
    }
}
