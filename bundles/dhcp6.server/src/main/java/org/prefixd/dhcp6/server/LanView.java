package org.prefixd.dhcp6.server;

import java.net.Inet6Address;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.prefixd.api.InterfaceName;
import org.prefixd.api.Prefix;

/**
 * What a LAN's server answers from at one moment: the LAN's subnets (one per delegated prefix,
 * with the lifetimes the distributor gave them; a subnet being renumbered away is deprecated),
 * the delegated prefixes downstream routers on the LAN get sub-prefixes of, and the DNS servers
 * and search domains its router advertisements carry.
 */
public record LanView(InterfaceName lan, List<Subnet> subnets, List<Pool> pools, List<Inet6Address> dnsServers, List<String> domains) {
    public LanView(InterfaceName lan, List<Subnet> subnets, List<Inet6Address> dnsServers, List<String> domains) {
        this(lan, subnets, List.of(), dnsServers, domains);
    }

    /**
     * A delegated prefix with a subnet on this LAN, to delegate sub-prefixes of, with that subnet's
     * lifetimes; {@code taken}: what no downstream router here may get (every LAN's subnets of it,
     * the prefix the server excludes, the other LANs' delegations).
     */
    public record Pool(Prefix delegated, Instant preferredUntil, Instant validUntil, boolean deprecated, List<Prefix> taken) {
        public Pool {
            Objects.requireNonNull(delegated, "delegated");
            Objects.requireNonNull(preferredUntil, "preferredUntil");
            Objects.requireNonNull(validUntil, "validUntil");
            taken = List.copyOf(taken);
        }
    }

    /** A /64 of the LAN; {@code deprecated}: renumbered away, its addresses preferred for 0 s. */
    public record Subnet(Prefix prefix, Instant preferredUntil, Instant validUntil, boolean deprecated) {
        public Subnet {
            Objects.requireNonNull(prefix, "prefix");
            if (prefix.length() != 64) throw new IllegalArgumentException(prefix + " is not a /64: addresses by interface identifier need one");
            Objects.requireNonNull(preferredUntil, "preferredUntil");
            Objects.requireNonNull(validUntil, "validUntil");
        }
    }

    public LanView {
        Objects.requireNonNull(lan, "lan");
        subnets = List.copyOf(subnets);
        pools = List.copyOf(pools);
        dnsServers = List.copyOf(dnsServers);
        domains = List.copyOf(domains);
    }
}
