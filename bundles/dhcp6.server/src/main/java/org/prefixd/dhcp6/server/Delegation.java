package org.prefixd.dhcp6.server;

import java.net.Inet6Address;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.prefixd.api.Prefix;
import org.prefixd.dhcp6.codec.Duid;

/**
 * One downstream router's IA_PD on a LAN: its sub-prefix number (the same in every delegated
 * prefix, so renumbering back gives the same sub-prefix), their length, the router's link-local
 * address (the routes' next hop), until when it is bound, and the prefixes its last Reply gave
 * (routed now; given again with lifetimes 0 once their delegated prefix is gone).
 */
public record Delegation(Duid client, long iaid, long index, int length, Inet6Address via, Instant validUntil, List<Prefix> given) {
    public Delegation {
        Objects.requireNonNull(client, "client");
        if (index < 0) throw new IllegalArgumentException("sub-prefix number " + index + " is negative");
        if (length < 1 || length > 64) throw new IllegalArgumentException("delegated length /" + length + " is not in /1../64");
        Objects.requireNonNull(via, "via");
        if (!via.isLinkLocalAddress()) throw new IllegalArgumentException("next hop " + via.getHostAddress() + " is not link-local");
        Objects.requireNonNull(validUntil, "validUntil");
        given = List.copyOf(given);
    }

    public String key() {
        return LanLease.key(client, iaid);
    }

    Delegation with(Inet6Address via, Instant validUntil, List<Prefix> given) {
        return new Delegation(client, iaid, index, length, via, validUntil, given);
    }
}
