package org.prefixd.api;

import java.net.Inet6Address;
import java.time.Instant;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the DHCPv6 session of a WAN link holds: its address(es) and delegated prefixes with their
 * absolute lifetimes, and the server's information (DNS, domain search list, NTP, SNTP, SIP,
 * AFTR). Registered as a service while the session holds a lease or stateless information, and
 * registered anew on every change. Names are host names (letters, digits, hyphens and dots):
 * nothing in them can reach a shell, a file or a log line as anything but a name.
 *
 * @param options the options asked for with {@code request.options} that prefixd does not
 *                interpret, as the server sent them (in its order; one code may come more than once)
 */
public record WanLease(InterfaceName link, String server, List<Address> addresses, List<DelegatedPrefix> prefixes,
                       List<Inet6Address> dnsServers, List<String> domains, List<Inet6Address> ntpServers, List<String> ntpNames,
                       List<Inet6Address> sntpServers, List<Inet6Address> sipServers, List<String> sipDomains, Optional<String> aftr,
                       List<ReceivedOption> options) {
    public static final String PROP_LINK = "prefixd.link";
    public static final String PROP_SERVER = "prefixd.server";
    public static final String PROP_ADDRESSES = "prefixd.addresses";
    public static final String PROP_PREFIXES = "prefixd.prefixes";
    public static final String PROP_DNS = "prefixd.dns";
    public static final String PROP_DOMAINS = "prefixd.domains";
    public static final String PROP_VALID_UNTIL = "prefixd.valid.until";
    /**
     * Registration property, set by the client at every lease event: the event's kind in lower
     * case ("bound", "renewed", "resumed", ...), its {@link Topics#PROP_EVENT_ID} (String) and
     * when it happened (epoch milliseconds, Long). A handler that starts after an event it may
     * have missed finds it here.
     */
    public static final String PROP_EVENT = "prefixd.lease.event";
    /** Registration property: see {@link #PROP_EVENT}. */
    public static final String PROP_EVENT_ID = "prefixd.lease.event.id";
    /** Registration property: see {@link #PROP_EVENT}. */
    public static final String PROP_EVENT_AT = "prefixd.lease.event.at";
    /**
     * Registration property: the {@link WanLease} the link held before the event named by
     * {@link #PROP_EVENT}, absent when it held none; a handler that replays a missed event finds
     * what changed with it.
     */
    public static final String PROP_EVENT_BEFORE = "prefixd.lease.event.before";

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{2,260}");

    /** An address of the lease (IA_NA) with its absolute lifetimes. */
    public record Address(Inet6Address address, Instant preferredUntil, Instant validUntil) {
        public Address {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(preferredUntil, "preferredUntil");
            Objects.requireNonNull(validUntil, "validUntil");
            if (preferredUntil.isAfter(validUntil)) throw new IllegalArgumentException("preferred beyond valid");
        }
    }

    public WanLease {
        Objects.requireNonNull(link, "link");
        if (server == null || !HEX.matcher(server).matches()) throw new IllegalArgumentException("server: not a DUID in lower-case hex");
        addresses = List.copyOf(addresses);
        prefixes = List.copyOf(prefixes);
        for (DelegatedPrefix p : prefixes) if (!p.link().equals(link)) throw new IllegalArgumentException("a prefix of another link: " + p);
        dnsServers = List.copyOf(dnsServers);
        domains = hostNames(domains, "domains");
        ntpServers = List.copyOf(ntpServers);
        ntpNames = hostNames(ntpNames, "ntpNames");
        sntpServers = List.copyOf(sntpServers);
        sipServers = List.copyOf(sipServers);
        sipDomains = hostNames(sipDomains, "sipDomains");
        Objects.requireNonNull(aftr, "aftr");
        aftr.ifPresent(a -> hostNames(List.of(a), "aftr"));
        options = ReceivedOption.ofOneLease(options);
    }

    /** Without received options. */
    public WanLease(InterfaceName link, String server, List<Address> addresses, List<DelegatedPrefix> prefixes,
                    List<Inet6Address> dnsServers, List<String> domains, List<Inet6Address> ntpServers, List<String> ntpNames,
                    List<Inet6Address> sntpServers, List<Inet6Address> sipServers, List<String> sipDomains, Optional<String> aftr) {
        this(link, server, addresses, prefixes, dnsServers, domains, ntpServers, ntpNames, sntpServers, sipServers, sipDomains, aftr, List.of());
    }

    private static List<String> hostNames(List<String> names, String what) {
        for (String n : names)
            if (!HostName.valid(n))
                throw new IllegalArgumentException(what + ": not a host name: " + SafeText.printable(String.valueOf(n)));
        return List.copyOf(names);
    }

    /** When the last address or prefix stops being valid; empty for stateless information. */
    public Optional<Instant> validUntil() {
        Instant last = null;
        for (Address a : addresses) if (last == null || a.validUntil().isAfter(last)) last = a.validUntil();
        for (DelegatedPrefix p : prefixes) if (last == null || p.validUntil().isAfter(last)) last = p.validUntil();
        return Optional.ofNullable(last);
    }

    public Dictionary<String, Object> serviceProperties() {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(PROP_LINK, link.value());
        props.put(PROP_SERVER, server);
        props.put(PROP_ADDRESSES, addresses.stream().map(a -> Ipv6Text.format(a.address())).toArray(String[]::new));
        props.put(PROP_PREFIXES, prefixes.stream().map(p -> p.prefix().toString()).toArray(String[]::new));
        props.put(PROP_DNS, dnsServers.stream().map(Ipv6Text::format).toArray(String[]::new));
        props.put(PROP_DOMAINS, domains.toArray(String[]::new));
        validUntil().ifPresent(v -> props.put(PROP_VALID_UNTIL, v.toString()));
        return props;
    }
}
