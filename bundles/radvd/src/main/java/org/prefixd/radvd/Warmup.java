package org.prefixd.radvd;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.prefixd.api.DelegatedPrefix;
import org.prefixd.api.InterfaceName;
import org.prefixd.api.Ipv6Text;
import org.prefixd.api.LanPrefix;
import org.prefixd.api.LanSettings;
import org.prefixd.api.Prefix;
import org.prefixd.api.WanLease;

/**
 * Renders radvd.conf for a made-up LAN, often enough for the JIT to compile the renderer, so that
 * the first real prefix's file does not wait for class loading and the interpreter. Touches no
 * file, interface or service.
 */
public final class Warmup {
    /** Renderings: past the JIT's threshold for compiling the renderer's busiest methods. */
    static final int ROUNDS = 30;

    private Warmup() {
    }

    /** @return the length of the last form (so the work cannot be optimised away) */
    public static int run() {
        InterfaceName wan = InterfaceName.of("warmup0");
        InterfaceName lan = InterfaceName.of("warmup1");
        int length = 0;
        for (int i = 0; i < ROUNDS; i++) {
            Instant now = Instant.now();
            DelegatedPrefix from = new DelegatedPrefix(wan, 2, new Prefix(Ipv6Text.parse("2001:db8:100::"), 56), now.plusSeconds(60), now.plusSeconds(120));
            WanLease lease = new WanLease(wan, "000100", List.of(), List.of(from), List.of(Ipv6Text.parse("2001:db8::53")), List.of("example.net"),
                    List.of(), List.of(), List.of(), List.of(), List.of(), Optional.empty());
            LanSettings settings = new LanSettings(lan, true, false, false, LanSettings.DnsSource.LEASE, List.of(), List.of(), OptionalInt.empty());
            LanPrefix prefix = new LanPrefix(lan, new Prefix(Ipv6Text.parse("2001:db8:100::"), 64), from, now.plusSeconds(60), now.plusSeconds(120), false);
            List<LanAdvert> adverts = Adverts.of(List.of(settings), List.of(prefix), List.of(lease));
            if (!adverts.equals(Adverts.of(List.of(settings), List.of(prefix), List.of(lease)))) throw new AssertionError();
            length = RadvdConf.form(RadvdConf.render(adverts, now)).length();
        }
        return length;
    }
}
