package org.prefixd.hooks;

import java.util.ArrayList;
import java.util.List;

import org.prefixd.api.DelegatedPrefix;
import org.prefixd.api.Ipv6Text;
import org.prefixd.api.WanLease;

/**
 * odhcp6c's script interface (openwrt/odhcp6c src/script.c): {@code <script> <interface> <state>},
 * lists space-separated, names without a trailing dot, ADDRESSES and PREFIXES as
 * {@code addr/len,preferred,valid} in remaining seconds (the format of released OpenWrt), a
 * prefix of an IA_PD other than IAID 1 with {@code ,class=<iaid in hex>}, then one the server
 * excludes from it with {@code ,excluded=<prefix>/<len>} (RFC 6603; script.c's order). SERVER (the server's
 * address) and the RA_* lists are empty: prefixd knows its server by DUID and leaves RAs to the kernel.
 */
final class Odhcp6cStyle {
    private Odhcp6cStyle() {
    }

    static String state(HookEvent.Kind kind) {
        return switch (kind) {
            case BOUND, RESUMED -> "bound";
            case RENEWED, UPDATED -> "updated";
            case REBOUND -> "rebound";
            case INFORMED -> "informed";
            case EXPIRED, RELEASED -> "unbound";
        };
    }

    static List<HookCall> calls(HookEvent event) {
        WanLease lease = event.lease();
        Environment env = new Environment()
                .put("SERVER", "")
                .list("RDNSS", Render.addresses(lease.dnsServers()), false)
                .list("DOMAINS", lease.domains(), false)
                .list("SNTP_IP", Render.addresses(lease.sntpServers()), false)
                .list("NTP_IP", Render.addresses(lease.ntpServers()), false)
                .list("NTP_FQDN", lease.ntpNames(), false)
                .list("SIP_IP", Render.addresses(lease.sipServers()), false)
                .list("SIP_DOMAIN", lease.sipDomains(), false)
                .put("AFTR", lease.aftr().orElse(""))
                .put("PASSTHRU", "");
        for (String ra : List.of("RA_ADDRESSES", "RA_ROUTES", "RA_DNS", "RA_DOMAINS")) env.put(ra, "");
        if (!event.kind().ends()) {
            List<String> addresses = new ArrayList<>();
            for (WanLease.Address a : lease.addresses())
                addresses.add(Ipv6Text.format(a.address()) + "/128" + Render.lifetimes(event.now(), a.preferredUntil(), a.validUntil()));
            List<String> prefixes = new ArrayList<>();
            for (DelegatedPrefix p : lease.prefixes())
                prefixes.add(p.prefix() + Render.lifetimes(event.now(), p.preferredUntil(), p.validUntil())
                        + (p.iaid() == 1 ? "" : String.format(",class=%08x", p.iaid()))
                        + (p.excluded().isPresent() ? ",excluded=" + p.excluded().get() : ""));
            env.list("ADDRESSES", addresses, false).list("PREFIXES", prefixes, false);
            Render.options(env, "OPTION_", lease.options(), false); // odhcp6c: OPTION_<code>=<hex>, the last instance
        }
        return List.of(env.call(List.of(event.link().value(), state(event.kind()))));
    }
}
