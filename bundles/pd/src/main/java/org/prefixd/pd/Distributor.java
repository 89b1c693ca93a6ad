package org.prefixd.pd;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.prefixd.api.DelegatedPrefix;
import org.prefixd.api.InterfaceName;
import org.prefixd.api.LanPrefix;
import org.prefixd.api.Prefix;

/**
 * From the delegated prefixes and the LANs to what each LAN advertises, over time (pure: it is
 * told the time). Every delegated prefix gives every LAN one subnet ({@link SubnetAllocator}),
 * with the prefix's own lifetimes. A subnet that is no longer given (its prefix went away or
 * changed, or the LAN's configuration moved it) is not dropped: it stays, deprecated (preferred
 * lifetime over) with a valid lifetime that only decreases, at most {@link #STALE_VALID_LIMIT},
 * until it ends (RFC 9096). A delegated prefix missing from an update is kept as it was for
 * {@code grace} from the first update that missed it, so one that comes back within it (the
 * client bundle updated) changes nothing; the caller updates again when the grace ends. A
 * prefix the client says is {@linkplain DelegatedPrefix#withdrawn() withdrawn} gets no grace:
 * its subnets are deprecated in that very update.
 */
public final class Distributor {
    /** A stale subnet stays valid at most this long from when it went stale, and never longer than it was (RFC 9096). */
    public static final Duration STALE_VALID_LIMIT = Duration.ofHours(2);

    /**
     * What to advertise now, the assignments to keep, the LANs that got no subnet and why, and the
     * LANs that got another subnet than they had or hinted at because the server excludes that one.
     */
    public record Result(List<LanPrefix> prefixes, Assignments assignments, List<String> problems, List<String> notes) {
        public Result {
            prefixes = List.copyOf(prefixes);
            Objects.requireNonNull(assignments, "assignments");
            problems = List.copyOf(problems);
            notes = List.copyOf(notes);
        }

        public Result(List<LanPrefix> prefixes, Assignments assignments, List<String> problems) {
            this(prefixes, assignments, problems, List.of());
        }
    }

    private final Duration grace;
    private Assignments assignments;
    private final Map<Prefix, DelegatedPrefix> lastSeen = new HashMap<>();
    private final Map<Prefix, Instant> missingSince = new HashMap<>();
    private Map<String, LanPrefix> active = new LinkedHashMap<>();
    private Map<String, LanPrefix> stale = new LinkedHashMap<>();

    public Distributor(Assignments assignments, Duration grace) {
        this.assignments = Objects.requireNonNull(assignments, "assignments");
        this.grace = Objects.requireNonNull(grace, "grace");
    }

    /**
     * @param delegated the DelegatedPrefix services there are now, and the withdrawals seen since the last update
     * @param lans the LAN configurations there are now
     */
    public Result update(List<DelegatedPrefix> delegated, List<LanRequest> lans, Instant now) {
        return update(delegated, lans, List.of(), now);
    }

    /** @param downstream sub-prefixes the LAN servers delegated to routers on the LANs: no LAN subnet overlaps one */
    public Result update(List<DelegatedPrefix> delegated, List<LanRequest> lans, List<Prefix> downstream, Instant now) {
        Map<Prefix, DelegatedPrefix> present = new LinkedHashMap<>();
        for (DelegatedPrefix d : delegated) {
            if (d.withdrawn()) continue; // after the prefixes held: a prefix both held and withdrawn is held
            present.put(d.prefix(), d);
            lastSeen.put(d.prefix(), d);
            missingSince.remove(d.prefix());
        }
        for (DelegatedPrefix d : delegated) {
            if (!d.withdrawn() || present.containsKey(d.prefix())) continue;
            lastSeen.remove(d.prefix());
            missingSince.remove(d.prefix());
        }
        for (var it = lastSeen.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (present.containsKey(e.getKey())) continue;
            Instant since = missingSince.computeIfAbsent(e.getKey(), k -> now);
            if (Duration.between(since, now).compareTo(grace) < 0 && e.getValue().validUntil().isAfter(now)) present.put(e.getKey(), e.getValue());
            else { it.remove(); missingSince.remove(e.getKey()); }
        }
        List<DelegatedPrefix> ordered = new ArrayList<>(present.values());
        ordered.sort(Comparator.comparing(d -> d.prefix().toString()));
        Map<String, LanPrefix> nowActive = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (DelegatedPrefix d : ordered) {
            if (!d.validUntil().isAfter(now)) continue;
            List<LanRequest> takers = lans.stream().filter(r -> r.takesFrom(d)).toList();
            List<Prefix> carved = downstream.stream().filter(p -> d.prefix().contains(p)).toList();
            Map<InterfaceName, SubnetAllocator.Outcome> outcome = SubnetAllocator.assign(d.prefix(), d.excluded(), carved, takers, assignments.of(d.prefix()));
            Map<InterfaceName, Prefix> given = new HashMap<>();
            for (var e : outcome.entrySet()) {
                if (e.getValue() instanceof SubnetAllocator.Outcome.Assigned a) {
                    given.put(e.getKey(), a.subnet());
                    if (a.note().isPresent()) notes.add(e.getKey() + ": " + a.note().get());
                    LanPrefix p = new LanPrefix(e.getKey(), a.subnet(), d, d.preferredUntil(), d.validUntil(), false);
                    nowActive.put(key(p), p);
                } else {
                    problems.add(e.getKey() + ": " + ((SubnetAllocator.Outcome.NoSpace) e.getValue()).why());
                }
            }
            assignments = assignments.with(d.prefix(), given);
        }
        Map<String, LanPrefix> nowStale = new LinkedHashMap<>();
        List<InterfaceName> configured = lans.stream().map(LanRequest::lan).toList();
        for (LanPrefix old : concat(stale.values(), active.values())) {
            if (nowActive.containsKey(key(old)) || !configured.contains(old.lan())) continue;
            // RFC 6603: a subnet the server now excludes is in use on the WAN link: gone at once, not run down
            DelegatedPrefix current = present.get(old.from().prefix());
            if (current != null && current.excluded().isPresent() && current.excluded().get().overlaps(old.subnet())) continue;
            if (old.deprecated()) { // already stale: unchanged until it runs out
                if (old.validUntil().isAfter(now)) nowStale.put(key(old), old);
                continue;
            }
            Instant valid = min(old.validUntil(), now.plus(STALE_VALID_LIMIT));
            LanPrefix before = nowStale.get(key(old));
            if (before != null) valid = min(valid, before.validUntil());
            if (!valid.isAfter(now)) continue;
            nowStale.put(key(old), new LanPrefix(old.lan(), old.subnet(), old.from(), min(now, valid), valid, true));
        }
        active = nowActive;
        stale = nowStale;
        List<LanPrefix> all = new ArrayList<>(nowActive.values());
        all.addAll(nowStale.values());
        all.sort(Comparator.comparing((LanPrefix p) -> p.lan().value()).thenComparing(p -> p.subnet().toString()));
        return new Result(all, assignments, problems, notes);
    }

    private static String key(LanPrefix p) {
        return p.lan().value() + " " + p.subnet();
    }

    private static List<LanPrefix> concat(java.util.Collection<LanPrefix> a, java.util.Collection<LanPrefix> b) {
        List<LanPrefix> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
