package org.prefixd.hooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.prefixd.api.DelegatedPrefix;
import org.prefixd.api.Ipv6Text;
import org.prefixd.api.WanLease;

/**
 * prefixd's own interface (README, "Hook scripts"): {@code <script> <interface> <event>} with the
 * event in lower case, and PREFIXD_* variables: every list space-separated; addresses and
 * prefixes as {@code value,preferred,valid} in remaining seconds (prefixes with {@code ,iaid}, and
 * {@code ,excluded=<prefix>/<len>} when the server excludes part of one, RFC 6603);
 * PREFIXD_PREFIXES_ADDED and PREFIXD_PREFIXES_REMOVED against the lease before, so a firewall
 * script needs no state of its own.
 */
final class PrefixdStyle {
    private PrefixdStyle() {
    }

    static List<HookCall> calls(HookEvent event) {
        WanLease lease = event.lease();
        String kind = event.kind().name().toLowerCase(Locale.ROOT);
        boolean ends = event.kind().ends();
        List<String> addresses = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        if (!ends) {
            for (WanLease.Address a : lease.addresses())
                addresses.add(Ipv6Text.format(a.address()) + Render.lifetimes(event.now(), a.preferredUntil(), a.validUntil()));
            for (DelegatedPrefix p : lease.prefixes())
                prefixes.add(p.prefix() + Render.lifetimes(event.now(), p.preferredUntil(), p.validUntil()) + "," + p.iaid()
                        + (p.excluded().isPresent() ? ",excluded=" + p.excluded().get() : ""));
        }
        // Once the lease ends, everything it held is removed.
        Set<String> now = ends ? Set.of() : names(lease);
        Set<String> before = ends ? names(lease) : event.previous().map(PrefixdStyle::names).orElse(Set.of());
        Environment env = new Environment()
                .put("PREFIXD_EVENT", kind)
                .put("PREFIXD_INTERFACE", event.link().value())
                .put("PREFIXD_SERVER", lease.server())
                .list("PREFIXD_ADDRESSES", addresses, false)
                .list("PREFIXD_PREFIXES", prefixes, false)
                .list("PREFIXD_PREFIXES_ADDED", now.stream().filter(p -> !before.contains(p)).sorted().toList(), false)
                .list("PREFIXD_PREFIXES_REMOVED", before.stream().filter(p -> !now.contains(p)).sorted().toList(), false)
                .list("PREFIXD_DNS", Render.addresses(lease.dnsServers()), false)
                .list("PREFIXD_DOMAINS", lease.domains(), false)
                .list("PREFIXD_NTP", Render.addresses(lease.ntpServers()), false)
                .list("PREFIXD_NTP_NAMES", lease.ntpNames(), false)
                .list("PREFIXD_SNTP", Render.addresses(lease.sntpServers()), false)
                .list("PREFIXD_SIP", Render.addresses(lease.sipServers()), false)
                .list("PREFIXD_SIP_DOMAINS", lease.sipDomains(), false)
                .put("PREFIXD_AFTR", lease.aftr().orElse(""));
        if (!ends) Render.options(env, "PREFIXD_OPTION_", lease.options(), true);
        return List.of(env.call(List.of(event.link().value(), kind)));
    }

    private static Set<String> names(WanLease lease) {
        return lease.prefixes().stream().map(p -> p.prefix().toString()).collect(Collectors.toSet());
    }
}
