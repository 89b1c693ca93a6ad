package org.prefixd.dhcp6.client;

import java.net.Inet6Address;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.prefixd.api.Prefix;

/**
 * A delegated prefix of an IA_PD, with absolute times.
 *
 * @param excluded the prefix inside it that the server excludes (RFC 6603 PD Exclude)
 */
public record LeasedPrefix(Inet6Address prefix, int length, Instant preferredUntil, Instant validUntil, Optional<Prefix> excluded) {
    public LeasedPrefix {
        Objects.requireNonNull(prefix, "prefix");
        if (length < 0 || length > 128) throw new IllegalArgumentException("prefix length " + length);
        Objects.requireNonNull(preferredUntil, "preferredUntil");
        Objects.requireNonNull(validUntil, "validUntil");
        if (preferredUntil.isAfter(validUntil)) throw new IllegalArgumentException("preferred beyond valid");
        Objects.requireNonNull(excluded, "excluded");
        if (excluded.isPresent() && (excluded.get().length() <= length || !new Prefix(prefix, length).contains(excluded.get())))
            throw new IllegalArgumentException("the excluded " + excluded.get() + " is not a longer prefix inside " + new Prefix(prefix, length));
    }

    /** Nothing excluded. */
    public LeasedPrefix(Inet6Address prefix, int length, Instant preferredUntil, Instant validUntil) {
        this(prefix, length, preferredUntil, validUntil, Optional.empty());
    }
}
