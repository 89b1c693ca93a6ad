package org.prefixd.dhcp6.client;

import java.util.Objects;

/** A change of the IPv4 (DHCPv4-over-DHCPv6) lease, for its service, its lease file and the hooks. */
public record Lease4Event(Kind kind, Lease4 lease) {
    public enum Kind {
        /** A DHCPACK to a REQUEST after an OFFER (or one that moved the lease to another address). */
        BOUND,
        /** A lease read back from the state directory at start. */
        RESUMED,
        /** A DHCPACK to a REQUEST at T1 (to the server that gave the lease). */
        RENEWED,
        /** A DHCPACK to a REQUEST at T2 (to any server). */
        REBOUND,
        /** The lease ran out, or a server said DHCPNAK to it; {@code lease} is the last one held. */
        EXPIRED,
        /** Given back with a DHCPRELEASE. */
        RELEASED,
        /** Its address was found in use and given back with a DHCPDECLINE. */
        DECLINED
    }

    public Lease4Event {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(lease, "lease");
    }
}
