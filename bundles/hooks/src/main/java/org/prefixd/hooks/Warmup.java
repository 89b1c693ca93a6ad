package org.prefixd.hooks;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.prefixd.api.DelegatedPrefix;
import org.prefixd.api.InterfaceName;
import org.prefixd.api.Ipv6Text;
import org.prefixd.api.Prefix;
import org.prefixd.api.WanLease;

/**
 * Renders a made-up lease in every style once, so the classes and patterns of the first real
 * lease's hook run are loaded before it comes (14 ms of the first run on a cold JVM here).
 */
public final class Warmup {
    private Warmup() {
    }

    /** @return how many calls the styles made of it (so the work cannot be optimised away) */
    public static int run() {
        InterfaceName link = InterfaceName.of("warmup0");
        Instant now = Instant.now();
        DelegatedPrefix prefix = new DelegatedPrefix(link, 2, new Prefix(Ipv6Text.parse("2001:db8:100::"), 56), now.plusSeconds(60), now.plusSeconds(120));
        WanLease lease = new WanLease(link, "000100", List.of(new WanLease.Address(Ipv6Text.parse("2001:db8::100"), now.plusSeconds(60), now.plusSeconds(120))),
                List.of(prefix), List.of(Ipv6Text.parse("2001:db8::53")), List.of("example.net"), List.of(), List.of(), List.of(), List.of(), List.of(),
                Optional.empty());
        int calls = 0;
        for (HookEvent.Kind kind : HookEvent.Kind.values())
            for (HookStyle style : HookStyle.values()) calls += style.calls(new HookEvent(kind, link, lease, Optional.of(lease), now)).size();
        return calls;
    }
}
