package org.prefixd.dhcp6.client.osgi;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "prefixd DHCPv6 client",
        description = "A DHCPv6 client (RFC 8415) on one WAN link: an address (IA_NA) and delegated prefixes (IA_PD). All settings apply live; a change of link, DUID or IAs starts a new session.")
public @interface ClientConfig {
    @AttributeDefinition(name = "WAN link", description = "The interface of a prefixd.link configuration, e.g. ppp0")
    String link();

    @AttributeDefinition(name = "DUID", description = "A complete DUID in hex with its type (RFC 8415 §11), e.g. 00030001020000000001; empty: a DUID-UUID generated once and kept in the state directory", required = false)
    String duid() default "";

    @AttributeDefinition(name = "IA_NA IAID", description = "The IAID to ask for an address with; -1 for no address (0 is valid)")
    long iana() default -1;

    @AttributeDefinition(name = "IA_PD", description = "One entry per IA_PD: IAID, IAID/prefix-length hint (1/56) or IAID/prefix hint (1/2001:db8:100::/56); empty for no prefix", required = false)
    String[] iapd() default {"1/56"};

    @AttributeDefinition(name = "Stateless", description = "Only Information-request (RFC 8415 §18.2.6): DNS, domains and other information, no address and no prefix (iana = -1, iapd empty)")
    boolean stateless() default false;

    @AttributeDefinition(name = "Rapid commit", description = "Offer Rapid Commit: a two-message exchange where the server allows it")
    boolean rapid_commit() default true;

    @AttributeDefinition(name = "Accept any source port", description = "Act on server messages that do not come from port 547. Off: they are counted, logged and dropped. WIDE dhcp6s answers from an ephemeral port, which RFC 8415 does not forbid: turn this on for such a server")
    boolean accept_any_source_port() default false;

    @AttributeDefinition(name = "Link-lost grace (seconds)", description = "How long the lease outlives its WanLink (which link.pppd already debounces). Back within it: Rebind. Gone longer: addresses, routes and prefixes are withdrawn and the client solicits when the link returns. 0 to 86400", min = "0", max = "86400")
    long link_lost_grace() default 30;

    @AttributeDefinition(name = "Release on stop", description = "Give the lease back (Release) when prefixd stops, as WIDE dhcp6c does without -n. Off: the lease is kept and resumed at the next start. A bundle update never releases")
    boolean release_on_stop() default false;

    @AttributeDefinition(name = "First-Solicit delay", description = "Wait a random 0-1 s before the first Solicit, as RFC 8415 §18.2.1 asks; off: solicit at once")
    boolean first_solicit_delay() default true;

    @AttributeDefinition(name = "Preferred server", description = "A server DUID in hex: its Advertise is taken at once, whatever its preference; empty: none", required = false)
    String prefer_server() default "";

    @AttributeDefinition(name = "Requested options", description = "Option codes to add to the Option Request (ORO), e.g. 31 (SNTP servers), 64 (AFTR-Name); DNS servers (23) and the domain search list (24) are always requested", required = false)
    String[] request_options() default {}; // text, not int[]: the console's form sends "" for an empty entry, which no int is

    @AttributeDefinition(name = "Extra options", description = "Raw options added to every message, each as code:hex, e.g. 15:000474657374 (User Class 'test'); codes the client writes itself (identifiers, IAs, ORO, Elapsed Time, Rapid Commit...) are refused", required = false)
    String[] send_options() default {};

    @AttributeDefinition(name = "PD Exclude", description = "Ask for the Prefix Exclude option (67, RFC 6603) with the IA_PDs: a prefix the server excludes from a delegated one (in use on the WAN link) is never given to a LAN. A server's exclusion is honoured even when this is off")
    boolean pd_exclude() default true;

    @AttributeDefinition(name = "Accept Reconfigure", description = "Tell the server that Reconfigure messages are welcome (RFC 8415 §18.2.11), and act on those authenticated with the key from its Reply (Reconfigure Key Authentication Protocol): Renew, Rebind or Information-request at once")
    boolean accept_reconfigure() default false;

    @AttributeDefinition(name = "DHCPv4 over DHCPv6", description = "Ask for the DHCP 4o6 Servers option (88, RFC 7341) and, when the server names 4o6 servers, get an IPv4 address from them over this link's DHCPv6 (DHCPv4-query/response): for IPv6-only access that hands out IPv4 this way (lightweight 4over6, MAP)")
    boolean dhcp4o6_enabled() default false;

    @AttributeDefinition(name = "DHCPv4 over DHCPv6: interface", description = "Where the IPv4 address goes, e.g. a softwire tunnel; empty: nowhere, only the hooks, the status and the WanLease4 service have it", required = false)
    String dhcp4o6_interface() default "";

    @AttributeDefinition(name = "DHCPv4 over DHCPv6: requested options", description = "DHCPv4 option codes (1..254) to ask for beyond subnet mask, routers, DNS servers and lease times; those prefixd does not interpret are kept with the IPv4 lease for the hooks, as hex", required = false)
    String[] dhcp4o6_options() default {};
}
