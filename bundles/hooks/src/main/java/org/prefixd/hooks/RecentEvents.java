package org.prefixd.hooks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.prefixd.api.InterfaceName;
import org.prefixd.api.WanLease;

/**
 * The last lease event of each link and the hooks that ran for it, so that a hook that appears
 * just after an event still runs for it: after an update or refresh the DHCPv6 client can resume
 * its lease a few milliseconds before the hooks' configurations are back, and that event would
 * otherwise pass with no hook to run. A hook that already ran for the event (the same id, its
 * configuration re-applied) does not run again; an event older than {@link #WINDOW} is not caught
 * up. Thread-safe.
 */
public final class RecentEvents {
    /** How long after an event a hook that appears still runs for it. */
    public static final Duration WINDOW = Duration.ofSeconds(10);

    private record Entry(HookEvent event, Set<String> ranFor) {
    }

    private final Map<InterfaceName, Entry> last = new HashMap<>();

    /**
     * The event a lease's registration names, as a hook event, when it is a hook event and no
     * older than {@link #WINDOW} at {@code now}.
     *
     * @param before the lease the link held before it (what a hook's old_* values come from)
     */
    public static Optional<HookEvent> named(WanLease lease, String kind, Instant at, Optional<WanLease> before, Instant now) {
        if (Duration.between(at, now).compareTo(WINDOW) > 0) return Optional.empty();
        try {
            return Optional.of(new HookEvent(HookEvent.Kind.valueOf(kind.toUpperCase(Locale.ROOT)), lease.link(), lease, before, at));
        } catch (IllegalArgumentException notAHookEvent) {
            return Optional.empty();
        }
    }

    /** Records a link's newest event and the ids of the hooks that run for it. */
    public synchronized void ran(HookEvent event, Collection<String> hookIds) {
        Objects.requireNonNull(event, "event");
        last.put(event.link(), new Entry(event, new HashSet<>(hookIds)));
    }

    /**
     * @return the events of the last {@link #WINDOW} before {@code now} that the hook wants and
     *         no hook of its id ran for, oldest first; each now counts as run for it
     */
    public synchronized List<HookEvent> missedBy(Hook hook, Instant now) {
        List<HookEvent> missed = new ArrayList<>();
        for (Entry entry : last.values()) {
            HookEvent event = entry.event();
            boolean recent = !event.now().isAfter(now) && Duration.between(event.now(), now).compareTo(WINDOW) <= 0;
            if (recent && !entry.ranFor().contains(hook.id()) && hook.runsFor(event)) {
                entry.ranFor().add(hook.id());
                missed.add(event);
            }
        }
        missed.sort((a, b) -> a.now().compareTo(b.now()));
        return missed;
    }
}
