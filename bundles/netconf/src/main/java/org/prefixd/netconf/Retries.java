package org.prefixd.netconf;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Changes that failed (`ip` failing or missing), to be tried again: after {@link #FIRST}, then
 * after a wait that doubles up to {@link #MAX}, for as long as nothing newer is asked of the
 * same target. Pure: it is told the time.
 */
final class Retries {
    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration MAX = Duration.ofSeconds(60);

    /** A change waiting for its next try; {@code failures} tries have failed so far. */
    record Pending(Change change, int failures, Instant dueAt) {
    }

    private final Map<String, Pending> byTarget = new LinkedHashMap<>();

    /** A new change to this target is being made: an older one waiting for a retry is moot. */
    void supersede(String target) {
        byTarget.remove(target);
    }

    /** The change failed (again): when it is tried next. */
    Duration failed(Change change, Instant now) {
        Pending before = byTarget.get(change.target());
        int failures = before != null && before.change() == change ? before.failures() + 1 : 1;
        Duration wait = FIRST.multipliedBy(1L << Math.min(failures - 1, 16));
        if (wait.compareTo(MAX) > 0) wait = MAX;
        byTarget.put(change.target(), new Pending(change, failures, now.plus(wait)));
        return wait;
    }

    /** The change is made (or there is nothing left to make): no more tries, unless something newer is waiting. */
    void done(Change change) {
        Pending p = byTarget.get(change.target());
        if (p != null && p.change() == change) byTarget.remove(change.target());
    }

    /** The changes whose next try is due, oldest target first. */
    List<Pending> due(Instant now) {
        List<Pending> out = new ArrayList<>();
        for (Pending p : byTarget.values()) if (!p.dueAt().isAfter(now)) out.add(p);
        return out;
    }

    Optional<Instant> nextDue() {
        return byTarget.values().stream().map(Pending::dueAt).min(Instant::compareTo);
    }

    int waiting() {
        return byTarget.size();
    }
}
