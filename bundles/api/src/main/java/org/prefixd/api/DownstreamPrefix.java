package org.prefixd.api;

import java.net.Inet6Address;
import java.time.Instant;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Objects;

/**
 * A sub-prefix of a delegated prefix that a LAN's DHCPv6 server delegated to a router on that LAN
 * (IA_PD), registered as a service while the delegation is bound: the distributor never gives a
 * LAN a subnet overlapping it, and the other LANs' servers never delegate it again.
 *
 * @param via the downstream router's link-local address on the LAN: the route's next hop
 * @param client the router's DUID in hex
 */
public record DownstreamPrefix(InterfaceName lan, Prefix prefix, Inet6Address via, String client, Instant validUntil) {
    public static final String PROP_LAN = "prefixd.lan";
    public static final String PROP_PREFIX = "prefixd.prefix";

    public DownstreamPrefix {
        Objects.requireNonNull(lan, "lan");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(via, "via");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(validUntil, "validUntil");
        if (prefix.length() > 64) throw new IllegalArgumentException("a delegated " + prefix + " is longer than /64");
        if (!via.isLinkLocalAddress()) throw new IllegalArgumentException("next hop " + Ipv6Text.format(via) + " is not link-local");
    }

    public Dictionary<String, Object> serviceProperties() {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(PROP_LAN, lan.value());
        props.put(PROP_PREFIX, prefix.toString());
        return props;
    }
}
