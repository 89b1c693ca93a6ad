package org.prefixd.fleet;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Events waiting for the broker, bounded: when it is away longer than the bound holds, the oldest
 * go first and are counted, so that the router reports how many it dropped when it is back.
 */
public final class EventBacklog {
    private final int bound;
    private final ArrayDeque<String> waiting = new ArrayDeque<>();
    private long dropped;

    public EventBacklog(int bound) {
        if (bound < 1) throw new IllegalArgumentException("a backlog of " + bound);
        this.bound = bound;
    }

    public synchronized void add(String event) {
        if (waiting.size() == bound) {
            waiting.removeFirst();
            dropped++;
        }
        waiting.addLast(event);
    }

    /** What waits, oldest first, and how many were dropped since the last drain; both start again. */
    public synchronized Drained drain() {
        Drained out = new Drained(new ArrayList<>(waiting), dropped);
        waiting.clear();
        dropped = 0;
        return out;
    }

    public synchronized int size() {
        return waiting.size();
    }

    public record Drained(List<String> events, long dropped) {
        public Drained {
            events = List.copyOf(events);
        }
    }
}
