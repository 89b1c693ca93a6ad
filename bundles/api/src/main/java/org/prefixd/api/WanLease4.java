package org.prefixd.api;

import java.net.Inet4Address;
import java.time.Instant;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Objects;

/**
 * The IPv4 lease a WAN link holds through DHCPv4 over DHCPv6 (RFC 7341): registered as a service
 * while held, registered anew on every change, withdrawn when it ends. Its addresses are checked
 * unicast addresses; its times absolute.
 *
 * @param server the DHCPv4 server's identifier (option 54)
 * @param prefixLength from the server's subnet mask; 32 when it sent none
 * @param renewAt T1, when the client asks its server to extend the lease
 * @param rebindAt T2, when it asks any server
 * @param options the options asked for with {@code dhcp4o6.options} that prefixd does not interpret
 */
public record WanLease4(InterfaceName link, Inet4Address server, Inet4Address address, int prefixLength, List<Inet4Address> routers,
                        List<Inet4Address> dnsServers, Instant renewAt, Instant rebindAt, Instant validUntil, List<ReceivedOption> options) {
    public static final String PROP_LINK = "prefixd.link";
    public static final String PROP_ADDRESS = "prefixd.ipv4.address";
    public static final String PROP_VALID_UNTIL = "prefixd.valid.until";

    public WanLease4 {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(address, "address");
        if (prefixLength < 0 || prefixLength > 32) throw new IllegalArgumentException("prefix length " + prefixLength + " is not in 0..32");
        routers = List.copyOf(routers);
        dnsServers = List.copyOf(dnsServers);
        Objects.requireNonNull(renewAt, "renewAt");
        Objects.requireNonNull(rebindAt, "rebindAt");
        Objects.requireNonNull(validUntil, "validUntil");
        options = ReceivedOption.ofOneLease(options);
    }

    /** "192.0.2.100/24". */
    public String cidr() {
        return address.getHostAddress() + "/" + prefixLength;
    }

    public Dictionary<String, Object> serviceProperties() {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(PROP_LINK, link.value());
        props.put(PROP_ADDRESS, cidr());
        props.put(PROP_VALID_UNTIL, validUntil.toString());
        return props;
    }
}
