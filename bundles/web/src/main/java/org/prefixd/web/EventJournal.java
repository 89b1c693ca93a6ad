package org.prefixd.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The last events, each with an id one above the one before, for resuming an event stream
 * (Last-Event-ID) and for the page's "last events". Ids start at the time the journal was made
 * (in milliseconds), so ids from before a restart or a bundle update are never taken for
 * later ones: a client that brings one gets a snapshot instead.
 */
public final class EventJournal {
    /**
     * One event: {@code link} is the interface it is about ("" when none), {@code mac} the LAN
     * client's MAC of a lanlease event ("" otherwise), {@code json} its whole rendering.
     */
    public record Entry(long id, String link, String mac, String json) {
        public Entry(long id, String link, String json) {
            this(id, link, "", json);
        }
    }

    private final Entry[] ring;
    private final long firstId;
    private long nextId;

    public EventJournal(int capacity, long firstId) {
        if (capacity < 1) throw new IllegalArgumentException("capacity " + capacity);
        this.ring = new Entry[capacity];
        this.firstId = firstId;
        this.nextId = firstId;
    }

    /** @param json renders the event given its id */
    public synchronized Entry append(String link, LongFunction<String> json) {
        return append(link, "", json);
    }

    /** @param mac the LAN client's MAC of a lanlease event, or "" */
    public synchronized Entry append(String link, String mac, LongFunction<String> json) {
        long id = nextId++;
        Entry e = new Entry(id, link, mac, json.apply(id));
        ring[(int) (id % ring.length)] = e;
        return e;
    }

    /** The id of the last event; one below the first id while there is none. */
    public synchronized long lastId() {
        return nextId - 1;
    }

    /**
     * The events after {@code id}, when the journal still holds all of them; empty when {@code id}
     * is older than the oldest event kept or is not one of this journal's ids.
     */
    public synchronized Optional<List<Entry>> after(long id) {
        long oldest = Math.max(firstId, nextId - ring.length);
        if (id < oldest - 1 || id >= nextId) return Optional.empty();
        List<Entry> out = new ArrayList<>();
        for (long i = id + 1; i < nextId; i++) out.add(ring[(int) (i % ring.length)]);
        return Optional.of(out);
    }

    /** At most {@code n} of the last events, oldest first, of one link or (link empty) all. */
    public synchronized List<Entry> last(int n, Optional<String> link) {
        List<Entry> out = new ArrayList<>();
        long oldest = Math.max(firstId, nextId - ring.length);
        for (long i = nextId - 1; i >= oldest && out.size() < n; i--) {
            Entry e = ring[(int) (i % ring.length)];
            if (link.isEmpty() || link.get().equals(e.link())) out.add(0, e);
        }
        return out;
    }
}
