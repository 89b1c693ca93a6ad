package org.prefixd.pd.osgi;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

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
}
