package org.prefixd.radvd;

import java.net.Inet6Address;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

import org.prefixd.api.HostName;
import org.prefixd.api.InterfaceName;
import org.prefixd.api.Prefix;

/**
 * What one LAN interface advertises: its prefixes with absolute lifetimes, the M and O flags,
 * DNS servers and search domains, and the link MTU if set. Validated here, so the renderer only
 * ever writes typed values.
 */
public record LanAdvert(InterfaceName lan, List<PrefixAdvert> prefixes, boolean managed, boolean otherConfig,
                        List<Inet6Address> dnsServers, List<String> domains, OptionalInt mtu) {
    /** A prefix for SLAAC (a /64) with the lifetimes the lease allows; preferredUntil in the past deprecates it. */
    public record PrefixAdvert(Prefix prefix, Instant preferredUntil, Instant validUntil) {
        public PrefixAdvert {
            Objects.requireNonNull(prefix, "prefix");
            if (prefix.length() != 64) throw new IllegalArgumentException(prefix + ": SLAAC needs a /64");
            Objects.requireNonNull(preferredUntil, "preferredUntil");
            Objects.requireNonNull(validUntil, "validUntil");
            if (preferredUntil.isAfter(validUntil)) throw new IllegalArgumentException("preferred beyond valid");
        }
    }

    public LanAdvert {
        Objects.requireNonNull(lan, "lan");
        prefixes = List.copyOf(prefixes);
        dnsServers = List.copyOf(dnsServers);
        for (Inet6Address a : dnsServers)
            if (a.isMulticastAddress() || a.isAnyLocalAddress()) throw new IllegalArgumentException("DNS server " + a.getHostAddress() + " is not unicast");
        domains = List.copyOf(domains);
        for (String d : domains) if (!HostName.valid(d)) throw new IllegalArgumentException("not a host name: " + org.prefixd.api.SafeText.printable(d));
        Objects.requireNonNull(mtu, "mtu");
        if (mtu.isPresent() && (mtu.getAsInt() < 1280 || mtu.getAsInt() > 65535)) throw new IllegalArgumentException("MTU " + mtu.getAsInt() + " is not in 1280..65535");
    }
}
