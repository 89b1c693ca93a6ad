package org.prefixd.dhcp6.client;

import java.net.Inet6Address;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.prefixd.api.ReceivedOption;
import org.prefixd.dhcp6.codec.DomainName;

/**
 * What a server says besides the IAs, as ReplyReader let it through: unicast addresses only,
 * names that passed the codec's host-name check. Replaced as a whole by each Reply.
 *
 * @param options the options asked for with {@code request.options} that prefixd does not
 *                interpret, bounded ({@link ReceivedOption#MAX_BYTES}, {@link ReceivedOption#MAX_BYTES_PER_LEASE})
 * @param dhcp4o6Servers the DHCP 4o6 Servers Address option (88, RFC 7341 §8), unicast addresses
 *                       only: present (empty meaning multicast) when the server offers DHCPv4 over DHCPv6
 */
public record ServerInformation(List<Inet6Address> dnsServers, List<DomainName> domains, List<Inet6Address> sntpServers,
                                List<Inet6Address> ntpServers, List<DomainName> ntpNames, List<Inet6Address> sipServers,
                                List<DomainName> sipDomains, Optional<DomainName> aftr, List<ReceivedOption> options,
                                Optional<List<Inet6Address>> dhcp4o6Servers) {
    public static final ServerInformation NONE = new ServerInformation(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of(), Optional.empty());

    public ServerInformation {
        dnsServers = List.copyOf(dnsServers);
        domains = List.copyOf(domains);
        sntpServers = List.copyOf(sntpServers);
        ntpServers = List.copyOf(ntpServers);
        ntpNames = List.copyOf(ntpNames);
        sipServers = List.copyOf(sipServers);
        sipDomains = List.copyOf(sipDomains);
        Objects.requireNonNull(aftr, "aftr");
        options = ReceivedOption.ofOneLease(options);
        dhcp4o6Servers = dhcp4o6Servers.map(List::copyOf);
    }

    /** Without DHCPv4 over DHCPv6. */
    public ServerInformation(List<Inet6Address> dnsServers, List<DomainName> domains, List<Inet6Address> sntpServers,
                             List<Inet6Address> ntpServers, List<DomainName> ntpNames, List<Inet6Address> sipServers,
                             List<DomainName> sipDomains, Optional<DomainName> aftr, List<ReceivedOption> options) {
        this(dnsServers, domains, sntpServers, ntpServers, ntpNames, sipServers, sipDomains, aftr, options, Optional.empty());
    }

    /** Without received options. */
    public ServerInformation(List<Inet6Address> dnsServers, List<DomainName> domains, List<Inet6Address> sntpServers,
                             List<Inet6Address> ntpServers, List<DomainName> ntpNames, List<Inet6Address> sipServers,
                             List<DomainName> sipDomains, Optional<DomainName> aftr) {
        this(dnsServers, domains, sntpServers, ntpServers, ntpNames, sipServers, sipDomains, aftr, List.of());
    }
}
