package org.prefixd.pd;

import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

import org.prefixd.api.DelegatedPrefix;
import org.prefixd.api.InterfaceName;

/**
 * What one LAN asks of each delegated prefix: a subnet of {@code length} bits (OpenWrt's
 * ip6assign), preferably the one numbered {@code hint} among the subnets of that length
 * (OpenWrt's ip6hint; only its low bits count when the delegated prefix has fewer), from the
 * prefixes delegated on the WAN links {@code wans} and in the IA_PDs {@code iaids} (empty: all).
 */
public record LanRequest(InterfaceName lan, int length, OptionalLong hint, Set<InterfaceName> wans, Set<Long> iaids) {
    public LanRequest(InterfaceName lan, int length, OptionalLong hint) {
        this(lan, length, hint, Set.of(), Set.of());
    }

    public LanRequest(InterfaceName lan, int length, OptionalLong hint, Set<InterfaceName> wans) {
        this(lan, length, hint, wans, Set.of());
    }

    public boolean takesFrom(DelegatedPrefix d) {
        return (wans.isEmpty() || wans.contains(d.link())) && (iaids.isEmpty() || iaids.contains(d.iaid()));
    }

    public LanRequest {
        Objects.requireNonNull(lan, "lan");
        if (length < 1 || length > 64) throw new IllegalArgumentException("assignment length /" + length + " is not in /1../64");
        Objects.requireNonNull(hint, "hint");
        if (hint.isPresent() && hint.getAsLong() < 0) throw new IllegalArgumentException("a hint is a subnet number, not negative");
        wans = Set.copyOf(wans);
        iaids = Set.copyOf(iaids);
    }
}
