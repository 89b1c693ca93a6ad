package org.prefixd.hooks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.prefixd.api.DelegatedPrefix;
import org.prefixd.api.InterfaceName;
import org.prefixd.api.Ipv6Text;
import org.prefixd.api.Prefix;
import org.prefixd.api.WanLease;

/**
 * Renders a made-up lease in every style, often enough for the JIT to compile the renderers,
 * and runs {@code /bin/true} through the script runner, so the classes, patterns and process
 * code of the first real lease's hook run are loaded and compiled before it comes (14 ms of the
 * first run on a cold JVM here, before; the spawn path as much again).
 */
public final class Warmup {
    /** Renderings of each style and event kind: past the JIT's threshold for compiling a method. */
    static final int ROUNDS = 40;
    private static final Path TRUE = Path.of("/bin/true");

    private Warmup() {
    }

    /** Renders, then runs {@code /bin/true} (when there is one) as a script with an empty environment. */
    public static void run(ScriptRunner runner) {
        for (int i = 0; i < ROUNDS; i++) render();
        if (Files.isExecutable(TRUE)) runner.run(TRUE, new HookCall(List.of(), Map.of(), List.of()), Duration.ofSeconds(5));
    }

    /** @return how many calls the styles made of it (so the work cannot be optimised away) */
    static int render() {
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
