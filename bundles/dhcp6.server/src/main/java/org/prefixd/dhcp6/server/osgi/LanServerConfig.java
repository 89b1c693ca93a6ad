package org.prefixd.dhcp6.server.osgi;

/**
 * The keys of a prefixd.lan configuration the LAN's DHCPv6 server reads. Their metatype (and the
 * checks of a configuration file against it) is the pd bundle's LanConfig, where the LAN is
 * configured as a whole; this bundle reads the same configuration.
 */
public @interface LanServerConfig {
    String lan();

    String dhcpv6() default "off";

    String dhcpv6_assign() default "by-mac";

    String[] dhcpv6_reservations() default {};

    boolean dhcpv6_rapid_commit() default true;

    long dhcpv6_lease_time() default 3600;

    String dhcpv6_boot_url() default "";

    int dhcpv6_rate_per_source() default 100;

    int dhcpv6_rate_per_lan() default 2000;

    int delegate() default 0;
}
