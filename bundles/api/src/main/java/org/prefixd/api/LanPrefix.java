package org.prefixd.api;

import java.time.Instant;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Objects;

/**
 * A subnet of a delegated prefix assigned to a LAN interface, registered as a service while it
 * is advertised. Lifetimes are absolute and never beyond the delegated prefix's; a subnet being
 * renumbered away (RFC 9096) stays registered with {@code deprecated} and a preferred lifetime
 * already over, until its valid lifetime ends.
 */
public record LanPrefix(InterfaceName lan, Prefix subnet, DelegatedPrefix from, Instant preferredUntil, Instant validUntil,
                        boolean deprecated) {
    public static final String PROP_LAN = "prefixd.lan";
    public static final String PROP_SUBNET = "prefixd.subnet";
    public static final String PROP_DELEGATED = "prefixd.delegated";
    public static final String PROP_PREFERRED_UNTIL = "prefixd.preferred.until";
    public static final String PROP_VALID_UNTIL = "prefixd.valid.until";
    public static final String PROP_DEPRECATED = "prefixd.deprecated";

    public LanPrefix {
        Objects.requireNonNull(lan, "lan");
        Objects.requireNonNull(subnet, "subnet");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(preferredUntil, "preferredUntil");
        Objects.requireNonNull(validUntil, "validUntil");
        if (!from.prefix().contains(subnet))
            throw new IllegalArgumentException(subnet + " is not inside " + from.prefix());
        if (preferredUntil.isAfter(validUntil)) throw new IllegalArgumentException("preferred beyond valid");
        if (validUntil.isAfter(from.validUntil())) throw new IllegalArgumentException("valid beyond the delegated prefix");
    }

    public Dictionary<String, Object> serviceProperties() {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(PROP_LAN, lan.value());
        props.put(PROP_SUBNET, subnet.toString());
        props.put(PROP_DELEGATED, from.prefix().toString());
        props.put(PROP_PREFERRED_UNTIL, preferredUntil.toString());
        props.put(PROP_VALID_UNTIL, validUntil.toString());
        props.put(PROP_DEPRECATED, deprecated);
        return props;
    }
}
