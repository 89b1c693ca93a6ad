package org.prefixd.api;

import java.net.Inet6Address;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How a LAN interface is advertised to its hosts (from its prefixd.lan configuration), for the
 * RA writer: whether at all, the M and O flags, where the DNS servers and search domains come
 * from, and the link MTU. Registered by the pd bundle, one per LAN.
 */
public record LanSettings(InterfaceName lan, boolean advertise, boolean managed, boolean otherConfig, DnsSource dns,
                          List<Inet6Address> fixedDns, List<String> fixedDomains, OptionalInt mtu) {
    public static final String PROP_LAN = "prefixd.lan";

    /** The DNS servers and domains to advertise: those of the WAN leases, the fixed ones, or none. */
    public enum DnsSource { LEASE, FIXED, NONE }

    public LanSettings {
        Objects.requireNonNull(lan, "lan");
        Objects.requireNonNull(dns, "dns");
        fixedDns = List.copyOf(fixedDns);
        for (Inet6Address a : fixedDns)
            if (a.isMulticastAddress() || a.isAnyLocalAddress() || a.isLoopbackAddress())
                throw new IllegalArgumentException("DNS server " + Ipv6Text.format(a) + " is not a unicast address");
        fixedDomains = List.copyOf(fixedDomains);
        for (String d : fixedDomains) if (!HostName.valid(d)) throw new IllegalArgumentException("not a host name: " + SafeText.printable(d));
        Objects.requireNonNull(mtu, "mtu");
        if (mtu.isPresent() && (mtu.getAsInt() < 1280 || mtu.getAsInt() > 65535)) throw new IllegalArgumentException("MTU " + mtu.getAsInt() + " is not in 1280..65535");
    }

    public Dictionary<String, Object> serviceProperties() {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(PROP_LAN, lan.value());
        return props;
    }
}
