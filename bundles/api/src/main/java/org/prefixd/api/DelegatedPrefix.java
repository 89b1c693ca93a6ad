package org.prefixd.api;

import java.time.Instant;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Objects;
import java.util.Optional;

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
 * @param excluded the prefix inside it that the server excludes (RFC 6603 PD Exclude: in use on the
 *                 WAN link): no subnet overlapping it goes to a LAN
 */
public record DelegatedPrefix(InterfaceName link, long iaid, Prefix prefix, Instant preferredUntil, Instant validUntil, boolean withdrawn,
                              Optional<Prefix> excluded) {
    public static final String PROP_LINK = "prefixd.link";
    public static final String PROP_PREFIX = "prefixd.prefix";
    public static final String PROP_IAID = "prefixd.iaid";
    public static final String PROP_PREFERRED_UNTIL = "prefixd.preferred.until";
    public static final String PROP_VALID_UNTIL = "prefixd.valid.until";
    public static final String PROP_WITHDRAWN = "prefixd.withdrawn";
    /** Set only when the server excludes a prefix (RFC 6603): "2001:db8:100:1::/64". */
    public static final String PROP_EXCLUDED = "prefixd.excluded";

    public DelegatedPrefix {
        Objects.requireNonNull(link, "link");
        if (iaid < 0 || iaid > 0xffffffffL) throw new IllegalArgumentException("IAID " + iaid + " does not fit 32 bits");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(preferredUntil, "preferredUntil");
        Objects.requireNonNull(validUntil, "validUntil");
        if (preferredUntil.isAfter(validUntil)) throw new IllegalArgumentException("preferred beyond valid");
        if (withdrawn && !preferredUntil.equals(validUntil)) throw new IllegalArgumentException("a withdrawn prefix has both lifetimes ended");
        Objects.requireNonNull(excluded, "excluded");
        if (excluded.isPresent() && (excluded.get().length() <= prefix.length() || !prefix.contains(excluded.get())))
            throw new IllegalArgumentException("the excluded " + excluded.get() + " is not a longer prefix inside " + prefix);
    }

    /** Held by the lease, nothing excluded. */
    public DelegatedPrefix(InterfaceName link, long iaid, Prefix prefix, Instant preferredUntil, Instant validUntil) {
        this(link, iaid, prefix, preferredUntil, validUntil, false, Optional.empty());
    }

    /** Held by the lease, with what the server excludes from it. */
    public DelegatedPrefix(InterfaceName link, long iaid, Prefix prefix, Instant preferredUntil, Instant validUntil, Optional<Prefix> excluded) {
        this(link, iaid, prefix, preferredUntil, validUntil, false, excluded);
    }

    /** Nothing excluded. */
    public DelegatedPrefix(InterfaceName link, long iaid, Prefix prefix, Instant preferredUntil, Instant validUntil, boolean withdrawn) {
        this(link, iaid, prefix, preferredUntil, validUntil, withdrawn, Optional.empty());
    }

    /** This prefix, no longer held by the lease since {@code at}. */
    public DelegatedPrefix withdrawnAt(Instant at) {
        return new DelegatedPrefix(link, iaid, prefix, at, at, true, excluded);
    }

    public Dictionary<String, Object> serviceProperties() {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(PROP_LINK, link.value());
        props.put(PROP_IAID, iaid);
        props.put(PROP_PREFIX, prefix.toString());
        props.put(PROP_PREFERRED_UNTIL, preferredUntil.toString());
        props.put(PROP_VALID_UNTIL, validUntil.toString());
        props.put(PROP_WITHDRAWN, withdrawn);
        if (excluded.isPresent()) props.put(PROP_EXCLUDED, excluded.get().toString());
        return props;
    }
}
