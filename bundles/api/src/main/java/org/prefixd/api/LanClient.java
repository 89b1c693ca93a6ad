package org.prefixd.api;

import java.net.Inet6Address;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A client of a LAN's DHCPv6 server with a bound lease, as `prefixd status` and the web page show it.
 *
 * @param mac "aa:bb:cc:dd:ee:ff" when known
 * @param duid the client's DUID in hex
 * @param addresses its address in each LAN subnet
 * @param how by-mac, by-duid or reserved; delegated for a downstream router's IA_PD
 * @param prefixes what a downstream router was delegated (IA_PD)
 */
public record LanClient(InterfaceName lan, Optional<String> mac, String duid, long iaid, List<Inet6Address> addresses, List<Prefix> prefixes,
                        Instant validUntil, String how) {
    public LanClient(InterfaceName lan, Optional<String> mac, String duid, long iaid, List<Inet6Address> addresses, Instant validUntil, String how) {
        this(lan, mac, duid, iaid, addresses, List.of(), validUntil, how);
    }

    public LanClient {
        Objects.requireNonNull(lan, "lan");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(duid, "duid");
        addresses = List.copyOf(addresses);
        prefixes = List.copyOf(prefixes);
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(how, "how");
    }
}
