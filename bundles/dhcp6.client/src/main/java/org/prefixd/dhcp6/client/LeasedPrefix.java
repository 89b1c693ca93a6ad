package org.prefixd.dhcp6.client;

import java.net.Inet6Address;
import java.time.Instant;
import java.util.Objects;

/** A delegated prefix of an IA_PD, with absolute times. */
public record LeasedPrefix(Inet6Address prefix, int length, Instant preferredUntil, Instant validUntil) {
    public LeasedPrefix {
        Objects.requireNonNull(prefix, "prefix");
        if (length < 0 || length > 128) throw new IllegalArgumentException("prefix length " + length);
        Objects.requireNonNull(preferredUntil, "preferredUntil");
        Objects.requireNonNull(validUntil, "validUntil");
        if (preferredUntil.isAfter(validUntil)) throw new IllegalArgumentException("preferred beyond valid");
    }
}
