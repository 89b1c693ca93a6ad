package org.prefixd.link.osgi;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "prefixd WAN link",
        description = "One WAN link that prefixd watches for IPv6: its interface, how it is watched and how long a loss must last before it counts. All settings apply live; changing the interface or mode withdraws the old link first.")
public @interface LinkConfig {
    @AttributeDefinition(name = "Interface", description = "WAN interface name, e.g. ppp0 or wan")
    String interface$(); // "$" is dropped: the property is "interface"

    @AttributeDefinition(name = "Mode", description = "pppd: follow pppd's ipv6-up/ipv6-down scripts and the pppd process as well as the kernel; ethernet: the kernel alone (carrier and a usable link-local address)",
            options = {@Option(label = "pppd", value = "pppd"), @Option(label = "ethernet", value = "ethernet")})
    String mode() default "pppd";

    @AttributeDefinition(name = "Debounce (seconds)", description = "How long the link must stay unusable before its WanLink is withdrawn; a shorter flap changes nothing. 0 to 3600.", min = "0", max = "3600")
    double debounce() default 2.0;
}
