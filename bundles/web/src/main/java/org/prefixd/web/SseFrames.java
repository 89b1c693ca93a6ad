package org.prefixd.web;

/**
 * The text of the event stream (text/event-stream): every event with its id; the snapshot as
 * event type "snapshot", live events as the default type "message"; keep-alive comments. JSON
 * never holds a raw line break, so each frame is one data line.
 */
public final class SseFrames {
    /** How long a browser waits before reconnecting, in ms. */
    public static final int RETRY_MILLIS = 2000;

    private SseFrames() {
    }

    public static String retry() {
        return "retry: " + RETRY_MILLIS + "\n\n";
    }

    public static String snapshot(long id, String json) {
        return "id: " + id + "\nevent: snapshot\ndata: " + json + "\n\n";
    }

    public static String event(EventJournal.Entry e) {
        return "id: " + e.id() + "\ndata: " + e.json() + "\n\n";
    }

    public static String keepAlive() {
        return ": keep-alive\n\n";
    }

    public static String dropped() {
        return ": dropped: this client fell too far behind; reconnect with Last-Event-ID\n\n";
    }
}
