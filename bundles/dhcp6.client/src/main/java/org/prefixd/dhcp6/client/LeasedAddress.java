package org.prefixd.dhcp6.client;

import java.net.Inet6Address;
import java.time.Instant;
import java.util.Objects;

/** An address of an IA_NA, with absolute times: what the lease file keeps and NetConfig applies. */
public record LeasedAddress(Inet6Address address, Instant preferredUntil, Instant validUntil) {
    public LeasedAddress {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(preferredUntil, "preferredUntil");
        Objects.requireNonNull(validUntil, "validUntil");
        if (preferredUntil.isAfter(validUntil)) throw new IllegalArgumentException("preferred beyond valid");
    }
}
