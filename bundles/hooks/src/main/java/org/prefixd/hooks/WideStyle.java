package org.prefixd.hooks;

import java.util.List;

import org.prefixd.api.DelegatedPrefix;
import org.prefixd.api.WanLease;

/**
 * WIDE dhcp6c's script interface (dhcp6c_script.c): no arguments, REASON, and the server's options
 * as {@code new_*} only when it sent them, each item followed by a space, names with a trailing
 * dot; OPNsense's PDINFO ({@code prefix/len}, each followed by a space) and IFNAME, which
 * OPNsense's script reads. dhcp6c never calls its script on expiry: prefixd says EXIT then.
 */
final class WideStyle {
    private WideStyle() {
    }

    static String reason(HookEvent.Kind kind) {
        return switch (kind) {
            case BOUND, RESUMED -> "REQUEST";
            case RENEWED, UPDATED -> "RENEW";
            case REBOUND -> "REBIND";
            case INFORMED -> "INFOREQ";
            case RELEASED -> "RELEASE";
            case EXPIRED -> "EXIT";
        };
    }

    static List<HookCall> calls(HookEvent event) {
        WanLease lease = event.lease();
        Environment env = new Environment().put("REASON", reason(event.kind())).put("IFNAME", event.link().value());
        optional(env, "new_domain_name_servers", Render.addresses(lease.dnsServers()));
        optional(env, "new_domain_name", Render.withDot(lease.domains()));
        optional(env, "new_ntp_servers", Render.addresses(lease.ntpServers()));
        optional(env, "new_sip_servers", Render.addresses(lease.sipServers()));
        optional(env, "new_sip_name", Render.withDot(lease.sipDomains()));
        if (!event.kind().ends()) optional(env, "PDINFO", lease.prefixes().stream().map(DelegatedPrefix::prefix).map(Object::toString).toList());
        // the name OPNsense's fork gives a raw option in its script code (dhcp6c_script.c)
        if (!event.kind().ends()) Render.options(env, "raw_dhcp_option_", lease.options(), true);
        return List.of(env.call(List.of()));
    }

    private static void optional(Environment env, String name, List<String> items) {
        if (!items.isEmpty()) env.list(name, items, true);
    }
}
