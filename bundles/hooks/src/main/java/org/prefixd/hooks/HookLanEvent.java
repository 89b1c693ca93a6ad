package org.prefixd.hooks;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.prefixd.api.InterfaceName;
import org.prefixd.api.Prefix;

/**
 * A change of a LAN client's lease (the LAN's DHCPv6 server) a hook runs for. Hooks name these
 * events {@code lan.bound} ... {@code lan.declined} (or {@code lan} for all), in the prefixd style
 * only: the other clients' scripts have no such events.
 *
 * @param mac "aa:bb:cc:dd:ee:ff", when the server knows it
 * @param addresses the client's addresses, as the server rendered them
 * @param prefixes what a downstream router was delegated (IA_PD), each parsed and rendered again
 * @param hostname the name reserved for the client, a checked host name
 */
public record HookLanEvent(Kind kind, InterfaceName lan, Optional<String> mac, String duid, List<String> addresses, List<Prefix> prefixes,
                           Optional<String> hostname, Instant now) {
    public HookLanEvent(Kind kind, InterfaceName lan, Optional<String> mac, String duid, List<String> addresses, Instant now) {
        this(kind, lan, mac, duid, addresses, List.of(), Optional.empty(), now);
    }

    public HookLanEvent(Kind kind, InterfaceName lan, Optional<String> mac, String duid, List<String> addresses, List<Prefix> prefixes, Instant now) {
        this(kind, lan, mac, duid, addresses, prefixes, Optional.empty(), now);
    }

    public enum Kind {
        BOUND, RENEWED, RELEASED, EXPIRED, DECLINED;

        public String label() {
            return "lan." + name().toLowerCase(Locale.ROOT);
        }
    }

    public HookLanEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(lan, "lan");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(duid, "duid");
        addresses = List.copyOf(addresses);
        prefixes = List.copyOf(prefixes);
        Objects.requireNonNull(hostname, "hostname");
        if (hostname.isPresent() && !org.prefixd.api.HostName.valid(hostname.get())) throw new IllegalArgumentException("not a host name");
        Objects.requireNonNull(now, "now");
    }

    /** The prefixd style: {@code <lan> lan.<event>} and PREFIXD_LAN_*. */
    public HookCall call() {
        Environment env = new Environment().put("PREFIXD_EVENT", kind.label()).put("PREFIXD_INTERFACE", lan.value())
                .put("PREFIXD_LAN_MAC", mac.orElse("")).put("PREFIXD_LAN_DUID", duid).list("PREFIXD_LAN_ADDRESSES", addresses, false)
                .list("PREFIXD_LAN_PREFIXES", prefixes.stream().map(Prefix::toString).toList(), false)
                .put("PREFIXD_LAN_HOSTNAME", hostname.orElse(""));
        return env.call(List.of(lan.value(), kind.label()));
    }
}
