package org.prefixd.dhcp6.server;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The leases of one LAN, bounded: at most {@link #MAX_BOUND} bound (a new client beyond that gets
 * NoAddrsAvail and a log line), at most {@link #MAX_OFFERED} offered and not yet requested (the
 * oldest offer is dropped first, so a flood of Solicits from random DUIDs costs bounded memory and
 * never reaches the lease file). Interface identifiers in use are indexed, so that two clients
 * never get the same one.
 */
public final class Bindings {
    public static final int MAX_BOUND = 4096;
    public static final int MAX_OFFERED = 256;

    private final Map<String, LanLease> bound = new HashMap<>();
    /** Insertion order: the oldest offer first. */
    private final LinkedHashMap<String, LanLease> offered = new LinkedHashMap<>();
    private final Map<Long, String> owners = new HashMap<>();
    /** Interface identifiers a client declined (another node uses them): not given again while remembered; bounded, the oldest forgotten first. */
    private final Set<Long> declined = java.util.Collections.newSetFromMap(boundedMap());
    /** Bindings whose by-MAC address a new DUID with the same MAC took (a wiped host), and by which MAC; bounded. */
    private final Map<String, MacAddress> takenOver = boundedMap();
    /** MACs two live clients claim: their by-MAC address stays with its holder, no more take-overs; bounded. */
    private final Map<MacAddress, Boolean> contested = boundedMap();
    static final int MAX_REMEMBERED = 1024;

    private static <K, V> Map<K, V> boundedMap() {
        return new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > MAX_REMEMBERED;
            }
        };
    }

    /** The binding (bound or offered) that holds the identifier, if any. */
    public Optional<LanLease> holder(long interfaceId) {
        String key = owners.get(interfaceId);
        if (key == null) return Optional.empty();
        LanLease l = bound.get(key);
        return Optional.ofNullable(l != null ? l : offered.get(key));
    }

    public boolean declined(long interfaceId) {
        return declined.contains(interfaceId);
    }

    /**
     * A new DUID with the same MAC takes the binding's address: the binding goes, and is remembered.
     *
     * @return whether it was bound (not only offered)
     */
    public boolean takeOver(LanLease old) {
        boolean wasBound = bound.remove(old.key()) != null;
        if (!wasBound) offered.remove(old.key());
        release(old);
        if (wasBound) old.mac().ifPresent(m -> takenOver.put(old.key(), m));
        return wasBound;
    }

    /** The MAC of a binding that was taken over, when its client comes back (so two live clients share a MAC). */
    public Optional<MacAddress> wasTakenOver(String key) {
        return Optional.ofNullable(takenOver.remove(key));
    }

    public void contest(MacAddress mac) {
        contested.put(mac, Boolean.TRUE);
    }

    public boolean contested(MacAddress mac) {
        return contested.containsKey(mac);
    }

    public Optional<LanLease> bound(String key) {
        return Optional.ofNullable(bound.get(key));
    }

    public Optional<LanLease> offered(String key) {
        return Optional.ofNullable(offered.get(key));
    }

    public Collection<LanLease> allBound() {
        return List.copyOf(bound.values());
    }

    public int boundCount() {
        return bound.size();
    }

    public int offeredCount() {
        return offered.size();
    }

    /** Whether another binding (bound or offered) holds this identifier, or it was declined. */
    public boolean taken(long interfaceId, String key) {
        if (declined.contains(interfaceId)) return true;
        String owner = owners.get(interfaceId);
        return owner != null && !owner.equals(key);
    }

    /** Remembers an offer (a Solicit's Advertise); the oldest goes when there are too many. */
    public void offer(LanLease lease) {
        if (bound.containsKey(lease.key())) return;
        LanLease old = offered.remove(lease.key());
        if (old != null) release(old);
        offered.put(lease.key(), lease);
        owners.putIfAbsent(lease.interfaceId(), lease.key()); // an offer never takes an identifier from a binding
        while (offered.size() > MAX_OFFERED) {
            Iterator<LanLease> oldest = offered.values().iterator();
            LanLease dropped = oldest.next();
            oldest.remove();
            release(dropped);
        }
    }

    /** @return false when the table is full and this is a new client */
    public boolean bind(LanLease lease) {
        LanLease offer = offered.remove(lease.key());
        if (offer != null) release(offer);
        LanLease old = bound.get(lease.key());
        if (old == null && bound.size() >= MAX_BOUND) return false;
        if (old != null && old.interfaceId() != lease.interfaceId()) release(old);
        bound.put(lease.key(), lease);
        owners.put(lease.interfaceId(), lease.key());
        return true;
    }

    public Optional<LanLease> remove(String key) {
        LanLease gone = bound.remove(key);
        if (gone != null) release(gone);
        return Optional.ofNullable(gone);
    }

    public void decline(long interfaceId) {
        declined.add(interfaceId);
    }

    /** Bound leases past their valid time, removed; offers older than that go too. */
    public List<LanLease> expire(Instant now) {
        List<LanLease> gone = new ArrayList<>();
        for (Iterator<LanLease> it = bound.values().iterator(); it.hasNext(); ) {
            LanLease l = it.next();
            if (now.isBefore(l.validUntil())) continue;
            it.remove();
            release(l);
            gone.add(l);
        }
        for (Iterator<LanLease> it = offered.values().iterator(); it.hasNext(); ) {
            LanLease l = it.next();
            if (now.isBefore(l.validUntil())) continue;
            it.remove();
            release(l);
        }
        return gone;
    }

    private void release(LanLease lease) {
        if (lease.key().equals(owners.get(lease.interfaceId()))) owners.remove(lease.interfaceId());
    }
}
