package org.prefixd.pd.osgi;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "prefixd LAN",
        description = "A LAN interface that gets a subnet of every delegated prefix, the router's address in it, and router advertisements. Applied live: a change moves only this LAN.")
public @interface LanConfig {
    @AttributeDefinition(name = "LAN interface", description = "e.g. br-lan")
    String lan();

    @AttributeDefinition(name = "Assignment length", description = "The length of this LAN's subnet of each delegated prefix, like OpenWrt's ip6assign: 64 for SLAAC", min = "1", max = "64")
    int assign() default 64;

    @AttributeDefinition(name = "Subnet hint", description = "Which subnet to prefer, as a hex number among the subnets of that length (OpenWrt's ip6hint), e.g. 10; empty: the lowest free one", required = false)
    String hint() default "";

    @AttributeDefinition(name = "Router interface id", description = "The router's address in each subnet: this interface identifier after the subnet's prefix, e.g. ::1")
    String ifaceid() default "::1";

    @AttributeDefinition(name = "WAN links", description = "Take subnets only from prefixes delegated on these WAN links; empty: all", required = false)
    String[] wan() default {};

    @AttributeDefinition(name = "IA_PDs", description = "Take subnets only from the prefixes of these IA_PD IAIDs (of prefixd.dhcp6 iapd); empty: all", required = false)
    String[] iapd() default {}; // text, not long[]: the console's form sends "" for an empty entry, which no long is

    @AttributeDefinition(name = "Advertise", description = "Send router advertisements on this LAN (radvd)")
    boolean advertise() default true;

    @AttributeDefinition(name = "Managed flag (M)", description = "Tell hosts to get addresses by DHCPv6")
    boolean managed() default false;

    @AttributeDefinition(name = "Other-config flag (O)", description = "Tell hosts to get other information (DNS...) by DHCPv6")
    boolean other() default false;

    @AttributeDefinition(name = "DNS to advertise", description = "lease: the DNS servers and search domains of the WAN leases; fixed: dns.servers and dns.domains; none")
    String dns() default "lease";

    @AttributeDefinition(name = "Fixed DNS servers", description = "With dns = fixed: IPv6 addresses", required = false)
    String[] dns_servers() default {};

    @AttributeDefinition(name = "Fixed search domains", description = "With dns = fixed: host names", required = false)
    String[] dns_domains() default {};

    @AttributeDefinition(name = "MTU", description = "The link MTU to advertise, 1280 to 65535; 0: none", min = "0", max = "65535")
    int mtu() default 0;

    @AttributeDefinition(name = "DHCPv6 server", description = "off: addresses by SLAAC only (radvd); stateless: DNS and search list by DHCPv6 too (Information-request; the RA's O flag is set); stateful: addresses by DHCPv6 as well (IA_NA, the RA's M and O flags are set). The server is the dhcp6.server bundle",
            options = {@Option(label = "off", value = "off"), @Option(label = "stateless", value = "stateless"), @Option(label = "stateful", value = "stateful")})
    String dhcpv6() default "off";

    @AttributeDefinition(name = "DHCPv6 addresses by", description = "by-mac: the interface identifier is the device's MAC (from its DUID, or its EUI-64 link-local address), the same address whatever its DUID; by-duid: ordinary leases, kept in the state directory",
            options = {@Option(label = "by-mac", value = "by-mac"), @Option(label = "by-duid", value = "by-duid")})
    String dhcpv6_assign() default "by-mac";

    @AttributeDefinition(name = "DHCPv6 reservations", description = "Fixed interface identifiers and host names, each MAC=::id, MAC=name or MAC=::id name (or DUID-hex instead of the MAC; ids ::2 to ::ffff), e.g. 52:54:00:12:ab:cd=::10 printer; the name goes to a client that sends a Client FQDN option, and to the LAN events and hooks", required = false)
    String[] dhcpv6_reservations() default {};

    @AttributeDefinition(name = "DHCPv6 rapid commit", description = "Answer a Solicit with Rapid Commit by a Reply at once")
    boolean dhcpv6_rapid_commit() default true;

    @AttributeDefinition(name = "DHCPv6 lease time (s)", description = "The longest valid lifetime given to a LAN client (shorter when the subnet ends sooner); 60 to 604800", min = "60", max = "604800")
    long dhcpv6_lease_time() default 3600;

    @AttributeDefinition(name = "DHCPv6 boot file URL", description = "RFC 5970's boot file URL (option 59) for clients that ask for it, {mac} replaced by the client's MAC, e.g. http://boot.lan/{mac}; empty: none", required = false)
    String dhcpv6_boot_url() default "";

    @AttributeDefinition(name = "DHCPv6 rate per source", description = "Messages a second taken from one source address (bursts of twice as many); more are dropped before they are decoded. Each client (by DUID) is held to 10 a second besides. 1 to 100000", min = "1", max = "100000")
    int dhcpv6_rate_per_source() default 100;

    @AttributeDefinition(name = "DHCPv6 rate per LAN", description = "Messages a second taken from the whole LAN (bursts of twice as many). 1 to 100000", min = "1", max = "100000")
    int dhcpv6_rate_per_lan() default 2000;

    @AttributeDefinition(name = "Delegate to downstream routers", description = "The length of the prefix a router on this LAN gets when it asks with IA_PD (e.g. 60 or 62): a sub-prefix of each delegated prefix, never a LAN's subnet nor the one the server excludes, routed via the router's link-local address; needs dhcpv6 stateless or stateful. 0: none (IA_PD answered NoPrefixAvail)", min = "0", max = "64")
    int delegate() default 0;
}
