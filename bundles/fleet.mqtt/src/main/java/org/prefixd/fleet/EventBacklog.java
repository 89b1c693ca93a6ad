package org.prefixd.fleet;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Optional;

/**
 * Events on their way to the broker, oldest first, bounded. An event stays until the broker
 * acknowledged it: one handed out ({@link #next}) is in flight until {@link #delivered}; when the
 * connection is lost the ones in flight wait again ({@link #lost}), to be sent again in their
 * order (a consumer may see one twice, never out of order: events carry their ids). When the
 * broker is away longer than the bound holds, the oldest go first and are counted, so that the
 * router reports how many it dropped when it is back. Not thread-safe: the fleet's thread owns it.
 */
public final class EventBacklog {
    /** An event and its number in this backlog (what {@link #delivered} is told). */
    public record Entry(long seq, String event) {
    }

    private static final class Held {
        final Entry entry;
        boolean inFlight;

        Held(Entry entry) {
            this.entry = entry;
        }
    }

    private final int bound;
    private final ArrayDeque<Held> held = new ArrayDeque<>();
    private long nextSeq;
    private long dropped;

    public EventBacklog(int bound) {
        if (bound < 1) throw new IllegalArgumentException("a backlog of " + bound);
        this.bound = bound;
    }

    public void add(String event) {
        if (held.size() == bound) {
            held.removeFirst();
            dropped++;
        }
        held.addLast(new Held(new Entry(nextSeq++, event)));
    }

    /** The oldest event not yet in flight, now in flight; empty when every one is. */
    public Optional<Entry> next() {
        for (Held h : held) {
            if (h.inFlight) continue;
            h.inFlight = true;
            return Optional.of(h.entry);
        }
        return Optional.empty();
    }

    /** The broker has it: gone from the backlog (nothing when it was dropped meanwhile). */
    public void delivered(long seq) {
        for (Iterator<Held> it = held.iterator(); it.hasNext(); ) {
            if (it.next().entry.seq() == seq) {
                it.remove();
                return;
            }
        }
    }

    /** The connection is gone: what was in flight waits again, in its place. */
    public void lost() {
        for (Held h : held) h.inFlight = false;
    }

    /** How many were dropped since the last call; counted once. */
    public long takeDropped() {
        long n = dropped;
        dropped = 0;
        return n;
    }

    public int size() {
        return held.size();
    }
}
