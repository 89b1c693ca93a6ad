package org.prefixd.hooks.osgi;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "prefixd hook",
        description = "A script run on lease changes, with the environment variables of the client its author wrote it for. Scripts of a link run one at a time, in event order.")
public @interface HookConfig {
    @AttributeDefinition(name = "Script", description = "Absolute path of an executable; run without a shell, with nothing but the style's variables and PATH in its environment")
    String script();

    @AttributeDefinition(name = "Style", description = "The environment: odhcp6c (<interface> <state>, ADDRESSES, PREFIXES, RDNSS...), wide (REASON, PDINFO, new_domain_name_servers...), dhclient (reason, new_ip6_prefix... one run per address and prefix), prefixd (PREFIXD_*)",
            options = {@Option(label = "prefixd", value = "prefixd"), @Option(label = "odhcp6c", value = "odhcp6c"),
                    @Option(label = "WIDE dhcp6c", value = "wide"), @Option(label = "dhclient -6", value = "dhclient")})
    String style() default "prefixd";

    @AttributeDefinition(name = "Events", description = "Which of bound, resumed, renewed, rebound, updated, expired, released, informed run it; empty: all of these. The IPv4 lease of DHCPv4 over DHCPv6 runs it only when named: ipv4 (all), or ipv4.bound, ipv4.resumed, ipv4.renewed, ipv4.rebound, ipv4.expired, ipv4.released, ipv4.declined (not in the wide style). A LAN DHCPv6 server's client events likewise, prefixd style only: lan (all), or lan.bound, lan.renewed, lan.released, lan.expired, lan.declined", required = false)
    String[] events() default {};

    @AttributeDefinition(name = "Links", description = "Run it only for these WAN links (and, for LAN events, these LANs); empty: all", required = false)
    String[] links() default {};

    @AttributeDefinition(name = "Timeout (s)", description = "A script still running after this long is killed with its process group", min = "1")
    int timeout() default 30;
}
