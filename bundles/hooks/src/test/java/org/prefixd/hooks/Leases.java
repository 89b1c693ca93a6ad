package org.prefixd.hooks;

import java.net.Inet6Address;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.prefixd.api.DelegatedPrefix;
import org.prefixd.api.InterfaceName;
import org.prefixd.api.Ipv6Text;
import org.prefixd.api.Prefix;
import org.prefixd.api.WanLease;

/** Leases for the style tests: times relative to {@link #NOW}. */
final class Leases {
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final InterfaceName WAN = InterfaceName.of("wan0");

    private Leases() {
    }

    static Inet6Address ip(String text) {
        return Ipv6Text.parse(text);
    }

    static DelegatedPrefix prefix(String network, int length, long iaid) {
        return new DelegatedPrefix(WAN, iaid, new Prefix(ip(network), length), NOW.plusSeconds(1800), NOW.plusSeconds(3600));
    }

    static WanLease lease(List<DelegatedPrefix> prefixes) {
        return new WanLease(WAN, "000100012f00aa00020000000001",
                List.of(new WanLease.Address(ip("2001:db8:ffff::100"), NOW.plusSeconds(1800), NOW.plusSeconds(3600))),
                prefixes, List.of(ip("2001:db8:ffff::53"), ip("2001:db8:ffff::54")), List.of("example.net", "isp.example"),
                List.of(ip("2001:db8:ffff::123")), List.of("ntp.example.net"), List.of(), List.of(), List.of(), Optional.of("aftr.example.net"));
    }

    static WanLease lease() {
        return lease(List.of(prefix("2001:db8:100::", 56, 1)));
    }

    static HookEvent event(HookEvent.Kind kind, WanLease lease, WanLease previous) {
        return new HookEvent(kind, WAN, lease, Optional.ofNullable(previous), NOW);
    }
}
