package org.prefixd.api;

import java.time.Instant;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Objects;

/**
 * A prefix the ISP delegated on a WAN link (IA_PD), registered as a service while the lease
 * holds it. Lifetimes are absolute; a renewal re-registers it with the new ones.
 *
 * <p>When the lease stops holding it for a reason the client knows (the server gave it lifetimes
 * 0, its valid lifetime ran out, the lease was released or dropped), it is registered once more
 * as {@code withdrawn}, lifetimes ended at that moment, before it goes: its users act at once.
 * A DelegatedPrefix that disappears without that (its bundle stopped or being updated) may
 * come back and is not to be taken as withdrawn.
 *
 * @param withdrawn the lease no longer holds it; preferredUntil and validUntil are when that happened
 */
public record DelegatedPrefix(InterfaceName link, long iaid, Prefix prefix, Instant preferredUntil, Instant validUntil, boolean withdrawn) {
    public static final String PROP_LINK = "prefixd.link";
    public static final String PROP_PREFIX = "prefixd.prefix";
    public static final String PROP_IAID = "prefixd.iaid";
    public static final String PROP_PREFERRED_UNTIL = "prefixd.preferred.until";
    public static final String PROP_VALID_UNTIL = "prefixd.valid.until";
    public static final String PROP_WITHDRAWN = "prefixd.withdrawn";

    public DelegatedPrefix {
        Objects.requireNonNull(link, "link");
        if (iaid < 0 || iaid > 0xffffffffL) throw new IllegalArgumentException("IAID " + iaid + " does not fit 32 bits");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(preferredUntil, "preferredUntil");
        Objects.requireNonNull(validUntil, "validUntil");
        if (preferredUntil.isAfter(validUntil)) throw new IllegalArgumentException("preferred beyond valid");
        if (withdrawn && !preferredUntil.equals(validUntil)) throw new IllegalArgumentException("a withdrawn prefix has both lifetimes ended");
    }

    /** Held by the lease. */
    public DelegatedPrefix(InterfaceName link, long iaid, Prefix prefix, Instant preferredUntil, Instant validUntil) {
        this(link, iaid, prefix, preferredUntil, validUntil, false);
    }

    /** This prefix, no longer held by the lease since {@code at}. */
    public DelegatedPrefix withdrawnAt(Instant at) {
        return new DelegatedPrefix(link, iaid, prefix, at, at, true);
    }

    public Dictionary<String, Object> serviceProperties() {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(PROP_LINK, link.value());
        props.put(PROP_IAID, iaid);
        props.put(PROP_PREFIX, prefix.toString());
        props.put(PROP_PREFERRED_UNTIL, preferredUntil.toString());
        props.put(PROP_VALID_UNTIL, validUntil.toString());
        props.put(PROP_WITHDRAWN, withdrawn);
        return props;
    }
}
