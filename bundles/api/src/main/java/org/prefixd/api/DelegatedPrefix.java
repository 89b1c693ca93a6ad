package org.prefixd.api;

import java.time.Instant;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Objects;

/**
 * A prefix the ISP delegated on a WAN link (IA_PD), registered as a service while the lease
 * holds it. Lifetimes are absolute; a renewal re-registers it with the new ones.
 */
public record DelegatedPrefix(InterfaceName link, long iaid, Prefix prefix, Instant preferredUntil, Instant validUntil) {
    public static final String PROP_LINK = "prefixd.link";
    public static final String PROP_PREFIX = "prefixd.prefix";
    public static final String PROP_IAID = "prefixd.iaid";
    public static final String PROP_PREFERRED_UNTIL = "prefixd.preferred.until";
    public static final String PROP_VALID_UNTIL = "prefixd.valid.until";

    public DelegatedPrefix {
        Objects.requireNonNull(link, "link");
        if (iaid < 0 || iaid > 0xffffffffL) throw new IllegalArgumentException("IAID " + iaid + " does not fit 32 bits");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(preferredUntil, "preferredUntil");
        Objects.requireNonNull(validUntil, "validUntil");
        if (preferredUntil.isAfter(validUntil)) throw new IllegalArgumentException("preferred beyond valid");
    }

    public Dictionary<String, Object> serviceProperties() {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(PROP_LINK, link.value());
        props.put(PROP_IAID, iaid);
        props.put(PROP_PREFIX, prefix.toString());
        props.put(PROP_PREFERRED_UNTIL, preferredUntil.toString());
        props.put(PROP_VALID_UNTIL, validUntil.toString());
        return props;
    }
}
