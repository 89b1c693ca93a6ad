package org.prefixd.hooks;

import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;

import org.prefixd.api.WanLease4;

/**
 * The IPv4 lease (DHCPv4 over DHCPv6) in each style, with the names of the DHCPv4 client that
 * style's scripts are paired with:
 * <ul>
 * <li>odhcp6c: OpenWrt pairs it with busybox udhcpc, whose script gets {@code <state>} (bound,
 *     renew, deconfig) and {@code interface ip subnet mask router dns lease serverid}, unknown
 *     options as {@code opt<code>} in hex; here {@code <interface> <state>}, as odhcp6c's own runs;</li>
 * <li>dhclient: ISC dhclient's (IPv4) dhclient-script: {@code reason} BOUND, REBOOT, RENEW,
 *     REBIND, EXPIRE, RELEASE; {@code new_ip_address new_subnet_mask new_routers
 *     new_domain_name_servers new_dhcp_lease_time new_dhcp_server_identifier ...}, {@code old_*}
 *     before; unknown options as {@code new_unknown_<code>};</li>
 * <li>prefixd: {@code <interface> ipv4.<event>} and PREFIXD_IPV4_*;</li>
 * <li>wide: WIDE dhcp6c has no DHCPv4 (OPNsense runs dhclient for IPv4): refused when configured.</li>
 * </ul>
 */
final class Ipv4Styles {
    private Ipv4Styles() {
    }

    static List<HookCall> odhcp6c(Hook4Event event) {
        String state = switch (event.kind()) {
            case BOUND, RESUMED -> "bound";
            case RENEWED, REBOUND -> "renew";
            case EXPIRED, RELEASED, DECLINED -> "deconfig";
        };
        Environment env = new Environment().put("interface", event.link().value());
        if (!event.kind().ends()) {
            WanLease4 l = event.lease();
            env.put("ip", l.address().getHostAddress()).put("subnet", mask(l.prefixLength())).put("mask", Integer.toString(l.prefixLength()))
                    .list("router", dotted(l.routers()), false).list("dns", dotted(l.dnsServers()), false)
                    .put("lease", Long.toString(Render.remaining(event.now(), l.validUntil()))).put("serverid", l.server().getHostAddress());
            Render.options(env, "opt", l.options(), false);
        }
        return List.of(env.call(List.of(event.link().value(), state)));
    }

    static List<HookCall> dhclient(Hook4Event event) {
        String reason = switch (event.kind()) {
            case BOUND -> "BOUND";
            case RESUMED -> "REBOOT";
            case RENEWED -> "RENEW";
            case REBOUND -> "REBIND";
            case EXPIRED, DECLINED -> "EXPIRE";
            case RELEASED -> "RELEASE";
        };
        Environment env = new Environment().put("reason", reason).put("interface", event.link().value());
        if (event.kind().ends()) {
            lease(env, "old_", event.lease(), event);
        } else {
            lease(env, "new_", event.lease(), event);
            event.previous().ifPresent(before -> lease(env, "old_", before, event));
        }
        return List.of(env.call(List.of()));
    }

    private static void lease(Environment env, String prefix, WanLease4 l, Hook4Event event) {
        env.put(prefix + "ip_address", l.address().getHostAddress()).put(prefix + "subnet_mask", mask(l.prefixLength()))
                .put(prefix + "network_number", network(l.address(), l.prefixLength()))
                .list(prefix + "routers", dotted(l.routers()), false).list(prefix + "domain_name_servers", dotted(l.dnsServers()), false)
                .put(prefix + "dhcp_lease_time", Long.toString(Render.remaining(event.now(), l.validUntil())))
                .put(prefix + "dhcp_renewal_time", Long.toString(Render.remaining(event.now(), l.renewAt())))
                .put(prefix + "dhcp_rebinding_time", Long.toString(Render.remaining(event.now(), l.rebindAt())))
                .put(prefix + "dhcp_server_identifier", l.server().getHostAddress());
        Render.options(env, prefix + "unknown_", l.options(), false);
    }

    static List<HookCall> prefixd(Hook4Event event) {
        WanLease4 l = event.lease();
        Environment env = new Environment().put("PREFIXD_EVENT", event.kind().label()).put("PREFIXD_INTERFACE", event.link().value())
                .put("PREFIXD_IPV4_SERVER", l.server().getHostAddress());
        if (event.kind().ends()) {
            env.put("PREFIXD_IPV4_ADDRESS", "").put("PREFIXD_IPV4_REMOVED", l.cidr());
        } else {
            env.put("PREFIXD_IPV4_ADDRESS", l.cidr())
                    .list("PREFIXD_IPV4_ROUTERS", dotted(l.routers()), false).list("PREFIXD_IPV4_DNS", dotted(l.dnsServers()), false)
                    .put("PREFIXD_IPV4_VALID", Long.toString(Render.remaining(event.now(), l.validUntil())))
                    .put("PREFIXD_IPV4_RENEW", Long.toString(Render.remaining(event.now(), l.renewAt())))
                    .put("PREFIXD_IPV4_REBIND", Long.toString(Render.remaining(event.now(), l.rebindAt())))
                    // the address held before, when this event moved the lease to another one
                    .put("PREFIXD_IPV4_REMOVED", event.previous().filter(b -> !b.cidr().equals(l.cidr())).map(WanLease4::cidr).orElse(""));
            Render.options(env, "PREFIXD_OPTION_", l.options(), false);
        }
        return List.of(env.call(List.of(event.link().value(), event.kind().label())));
    }

    private static List<String> dotted(List<Inet4Address> addresses) {
        List<String> out = new ArrayList<>();
        for (Inet4Address a : addresses) out.add(a.getHostAddress());
        return out;
    }

    /** 24 → "255.255.255.0". */
    static String mask(int length) {
        long m = length == 0 ? 0 : (0xffffffffL << (32 - length)) & 0xffffffffL;
        return (m >>> 24) + "." + ((m >>> 16) & 0xff) + "." + ((m >>> 8) & 0xff) + "." + (m & 0xff);
    }

    private static String network(Inet4Address address, int length) {
        byte[] b = address.getAddress();
        long a = ((long) (b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        long m = length == 0 ? 0 : (0xffffffffL << (32 - length)) & 0xffffffffL;
        long n = a & m;
        return (n >>> 24) + "." + ((n >>> 16) & 0xff) + "." + ((n >>> 8) & 0xff) + "." + (n & 0xff);
    }
}
