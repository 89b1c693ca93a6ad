package org.prefixd.pd;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import org.prefixd.api.DelegatedPrefix;
import org.prefixd.api.InterfaceName;
import org.prefixd.api.Ipv6Text;
import org.prefixd.api.LanPrefix;
import org.prefixd.api.Prefix;

/**
 * Distributes a made-up prefix over a made-up LAN, often enough for the JIT to compile the
 * allocator, so that the first real lease's LAN prefixes do not wait for class loading and the
 * interpreter (tens of milliseconds on a cold JVM). Touches no file, interface or service.
 */
public final class Warmup {
    /** Runs of the allocator: past the JIT's threshold for compiling its busiest methods. */
    static final int ROUNDS = 30;

    private Warmup() {
    }

    /** @return the LAN prefixes of the last round (one, so the work cannot be optimised away) */
    public static int run() {
        InterfaceName wan = InterfaceName.of("warmup0");
        InterfaceName lan = InterfaceName.of("warmup1");
        int made = 0;
        for (int i = 0; i < ROUNDS; i++) {
            Instant now = Instant.now();
            DelegatedPrefix delegated = new DelegatedPrefix(wan, 2, new Prefix(Ipv6Text.parse("2001:db8:100::"), 56), now.plusSeconds(60), now.plusSeconds(120));
            Distributor distributor = new Distributor(Assignments.NONE, Duration.ofSeconds(10));
            Distributor.Result result = distributor.update(List.of(delegated), List.of(new LanRequest(lan, 64, OptionalLong.empty())), now);
            Assignments.fromText(result.assignments().toText());
            made = 0;
            for (LanPrefix p : result.prefixes()) {
                if (p.serviceProperties().isEmpty() || !p.equals(p)) throw new AssertionError();
                made++;
            }
        }
        return made;
    }
}
