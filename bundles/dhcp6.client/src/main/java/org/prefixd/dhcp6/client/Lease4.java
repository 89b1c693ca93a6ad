package org.prefixd.dhcp6.client;

import java.net.Inet4Address;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.prefixd.api.ReceivedOption;

/**
 * An IPv4 lease got over DHCPv4-over-DHCPv6 (RFC 7341), as {@link Dhcp4Session} accepted it from a
 * DHCPACK: a usable unicast address, unicast routers and DNS servers only, the times absolute.
 *
 * @param prefixLength from the Subnet Mask; 32 when the server sent none
 * @param options the options asked for with {@code dhcp4o6.options} that prefixd does not interpret
 */
public record Lease4(Inet4Address server, Inet4Address address, int prefixLength, List<Inet4Address> routers,
                     List<Inet4Address> dnsServers, Instant boundAt, Instant renewAt, Instant rebindAt, Instant validUntil,
                     List<ReceivedOption> options) {
    public Lease4 {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(address, "address");
        if (prefixLength < 0 || prefixLength > 32) throw new IllegalArgumentException("prefix length " + prefixLength + " is not in 0..32");
        routers = List.copyOf(routers);
        dnsServers = List.copyOf(dnsServers);
        Objects.requireNonNull(boundAt, "boundAt");
        if (renewAt.isAfter(rebindAt) || rebindAt.isAfter(validUntil)) throw new IllegalArgumentException("T1 " + renewAt + ", T2 " + rebindAt + " and expiry " + validUntil + " out of order");
        options = ReceivedOption.ofOneLease(options);
    }

    public boolean expired(Instant now) {
        return !now.isBefore(validUntil);
    }
}
