package org.prefixd.dhcp6.server;

import java.net.Inet6Address;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.prefixd.dhcp6.codec.Duid;

/**
 * One client's IA_NA on a LAN: its interface identifier (the same in every LAN subnet), how it
 * was chosen, until when it is bound, and where its client last spoke from.
 *
 * @param from the client's source address in its last message (for a relayed one, the address the
 *             relay saw it at): two nodes on a link never share a link-local address, so a new
 *             DUID with the same MAC from the same address is the same device; empty in files
 *             written before it was kept
 */
public record LanLease(Duid client, long iaid, long interfaceId, How how, Optional<MacAddress> mac, Instant validUntil, Optional<Inet6Address> from) {
    /** How the interface identifier was chosen. */
    public enum How { BY_MAC, BY_DUID, RESERVED }

    public LanLease {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(how, "how");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(from, "from");
    }

    /** The key of a binding: the client's DUID and the IA's IAID. */
    public String key() {
        return key(client, iaid);
    }

    static String key(Duid client, long iaid) {
        return client.bytes().hex() + "/" + iaid;
    }

    /** The lease's address in each subnet. */
    public List<Inet6Address> addresses(LanView view) {
        List<Inet6Address> out = new java.util.ArrayList<>();
        for (LanView.Subnet s : view.subnets()) out.add(address(s, interfaceId));
        return out;
    }

    static Inet6Address address(LanView.Subnet subnet, long interfaceId) {
        byte[] a = subnet.prefix().network().getAddress();
        for (int i = 0; i < 8; i++) a[8 + i] = (byte) (interfaceId >>> (56 - 8 * i));
        try {
            return (Inet6Address) Inet6Address.getByAddress(null, a, -1);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
