package org.prefixd.pd;

import java.util.Objects;
import java.util.OptionalLong;

import org.prefixd.api.InterfaceName;

/**
 * What one LAN asks of each delegated prefix: a subnet of {@code length} bits (OpenWrt's
 * ip6assign), preferably the one numbered {@code hint} among the subnets of that length
 * (OpenWrt's ip6hint; only its low bits count when the delegated prefix has fewer).
 */
public record LanRequest(InterfaceName lan, int length, OptionalLong hint) {
    public LanRequest {
        Objects.requireNonNull(lan, "lan");
        if (length < 1 || length > 64) throw new IllegalArgumentException("assignment length /" + length + " is not in /1../64");
        Objects.requireNonNull(hint, "hint");
        if (hint.isPresent() && hint.getAsLong() < 0) throw new IllegalArgumentException("a hint is a subnet number, not negative");
    }
}
