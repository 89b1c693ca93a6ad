package org.prefixd.dhcp6.server;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The delegations of one LAN, bounded (at most {@link #MAX_DELEGATED}: routers behind a router are
 * few; a flood of IA_PD Solicits binds nothing, and Requests beyond the bound get NoPrefixAvail),
 * and the sub-prefix number each former client had, so that one coming back after its delegation
 * ended gets the same again while it is free.
 */
public final class Delegations {
    public static final int MAX_DELEGATED = 256;
    private final Map<String, Delegation> bound = new HashMap<>();
    /** Who holds each sub-prefix number. */
    private final Map<Long, String> byIndex = new HashMap<>();
    private final Map<String, Long> former = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > Bindings.MAX_REMEMBERED;
        }
    };

    public Optional<Delegation> bound(String key) {
        return Optional.ofNullable(bound.get(key));
    }

    /** @return false when the table is full (a new key beyond {@link #MAX_DELEGATED}) or the number is another's */
    public boolean bind(Delegation d) {
        if (!bound.containsKey(d.key()) && bound.size() >= MAX_DELEGATED) return false;
        if (taken(d.index(), d.key())) return false;
        Delegation before = bound.put(d.key(), d);
        if (before != null) byIndex.remove(before.index());
        byIndex.put(d.index(), d.key());
        former.remove(d.key());
        return true;
    }

    public Optional<Delegation> remove(String key) {
        Delegation d = bound.remove(key);
        if (d != null) {
            byIndex.remove(d.index());
            former.put(key, d.index());
        }
        return Optional.ofNullable(d);
    }

    /** Whether another key than {@code key} holds the sub-prefix number. */
    public boolean taken(long index, String key) {
        String holder = byIndex.get(index);
        return holder != null && !holder.equals(key);
    }

    /** The number the key had before its delegation ended, if remembered. */
    public Optional<Long> formerIndex(String key) {
        return Optional.ofNullable(former.get(key));
    }

    /** Every remembered former number by key, oldest first (for the lease file). */
    public Map<String, Long> formers() {
        return new LinkedHashMap<>(former);
    }

    /** A former number read back from the lease file, unless the key holds a delegation. */
    public void remember(String key, long index) {
        if (!bound.containsKey(key)) former.put(key, index);
    }

    public List<Delegation> expire(Instant now) {
        List<Delegation> gone = new ArrayList<>();
        for (Delegation d : List.copyOf(bound.values()))
            if (!d.validUntil().isAfter(now)) {
                remove(d.key());
                gone.add(d);
            }
        return gone;
    }

    public Collection<Delegation> all() {
        return List.copyOf(bound.values());
    }
}
