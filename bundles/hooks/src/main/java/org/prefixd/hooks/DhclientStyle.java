package org.prefixd.hooks;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.prefixd.api.DelegatedPrefix;
import org.prefixd.api.Ipv6Text;
import org.prefixd.api.WanLease;

/**
 * ISC dhclient -6's script interface (client/dhc6.c): no arguments, {@code reason} and
 * {@code interface}, one run per address and per prefix with {@code new_*} (and {@code old_*} of
 * the same address or prefix before), the options as {@code new_dhcp6_*}. A renewal runs for
 * what the lease holds; an UPDATED (part of the lease ran out) runs EXPIRE6 for what is gone;
 * information-only is RENEW6 with the options alone, as dhclient -S does.
 */
final class DhclientStyle {
    private DhclientStyle() {
    }

    static String reason(HookEvent.Kind kind) {
        return switch (kind) {
            case BOUND, RESUMED -> "BOUND6";
            case RENEWED, INFORMED -> "RENEW6";
            case REBOUND -> "REBIND6";
            case UPDATED, EXPIRED -> "EXPIRE6";
            case RELEASED -> "RELEASE6";
        };
    }

    /** An address (len 128, prefix false) or a delegated prefix of the lease, in dhclient's terms. */
    private record Item(String address, int length, boolean prefix, long iaid, java.time.Instant preferredUntil, java.time.Instant validUntil) {
        static List<Item> of(WanLease lease) {
            List<Item> items = new ArrayList<>();
            for (WanLease.Address a : lease.addresses())
                items.add(new Item(Ipv6Text.format(a.address()), 128, false, -1, a.preferredUntil(), a.validUntil()));
            for (DelegatedPrefix p : lease.prefixes())
                items.add(new Item(Ipv6Text.format(p.prefix().network()), p.prefix().length(), true, p.iaid(), p.preferredUntil(), p.validUntil()));
            return items;
        }

        boolean same(Item other) {
            return address.equals(other.address) && length == other.length && prefix == other.prefix;
        }
    }

    static List<HookCall> calls(HookEvent event) {
        String reason = reason(event.kind());
        List<Item> now = Item.of(event.lease());
        List<Item> before = event.previous().map(Item::of).orElse(List.of());
        List<HookCall> calls = new ArrayList<>();
        switch (event.kind()) {
            case INFORMED -> calls.add(base(event, reason).call(List.of()));
            case EXPIRED, RELEASED -> {
                for (Item item : now) calls.add(item(base(event, reason), "old_", item, event).call(List.of()));
                if (now.isEmpty()) calls.add(base(event, reason).call(List.of()));
            }
            case UPDATED -> {
                for (Item gone : before)
                    if (now.stream().noneMatch(gone::same)) calls.add(item(base(event, reason), "old_", gone, event).call(List.of()));
            }
            default -> {
                for (Item item : now) {
                    Environment env = base(event, reason);
                    Optional<Item> old = before.stream().filter(item::same).findFirst();
                    old.ifPresent(o -> item(env, "old_", o, event));
                    calls.add(item(env, "new_", item, event).call(List.of()));
                }
                if (now.isEmpty()) calls.add(base(event, reason).call(List.of()));
            }
        }
        return calls;
    }

    private static Environment base(HookEvent event, String reason) {
        WanLease lease = event.lease();
        String prefix = event.kind().ends() ? "old_" : "new_";
        Environment env = new Environment().put("reason", reason).put("interface", event.link().value());
        optional(env, prefix + "dhcp6_name_servers", Render.addresses(lease.dnsServers()));
        optional(env, prefix + "dhcp6_domain_search", Render.withDot(lease.domains()));
        optional(env, prefix + "dhcp6_sntp_servers", Render.addresses(lease.sntpServers()));
        optional(env, prefix + "dhcp6_sip_servers_addresses", Render.addresses(lease.sipServers()));
        optional(env, prefix + "dhcp6_sip_servers_names", Render.withDot(lease.sipDomains()));
        lease.aftr().ifPresent(a -> env.put(prefix + "dhcp6_aftr_name", a + "."));
        env.put(prefix + "dhcp6_server_id", colonHex(lease.server()));
        // dhclient's name for an option it has no definition of ("unknown-N"); the value always hex
        Render.options(env, prefix + "dhcp6_unknown_", lease.options(), true);
        return env;
    }

    private static Environment item(Environment env, String prefix, Item item, HookEvent event) {
        if (item.prefix()) env.put(prefix + "ip6_prefix", item.address() + "/" + item.length());
        else env.put(prefix + "ip6_address", item.address()).put(prefix + "ip6_prefixlen", "128");
        if (item.iaid() >= 0) env.put(prefix + "iaid", colonHex(String.format("%08x", item.iaid())));
        env.put(prefix + "life_starts", Long.toString(event.now().getEpochSecond()));
        env.put(prefix + "preferred_life", Long.toString(Render.remaining(event.now(), item.preferredUntil())));
        env.put(prefix + "max_life", Long.toString(Render.remaining(event.now(), item.validUntil())));
        return env;
    }

    private static void optional(Environment env, String name, List<String> items) {
        if (!items.isEmpty()) env.list(name, items, false);
    }

    /** "000100" → "00:01:00", dhclient's way of printing opaque data. */
    static String colonHex(String hex) {
        HexFormat.of().parseHex(hex); // a WanLease's DUID is lower-case hex already
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 2) {
            if (i > 0) out.append(':');
            out.append(hex, i, i + 2);
        }
        return out.toString();
    }
}
