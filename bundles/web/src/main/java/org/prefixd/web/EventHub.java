package org.prefixd.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The clients of the event stream: at most {@code maxClients}, each with a queue of at most
 * {@code depth} events. Publishing never waits: a client whose queue is full (it stopped
 * reading) is dropped, so a slow client costs prefixd nothing but its queue.
 */
public final class EventHub {
    public final class Client {
        private final Optional<String> link;
        private final Optional<String> mac;
        private final BlockingQueue<EventJournal.Entry> queue;
        private volatile boolean dropped;

        private Client(Optional<String> link, Optional<String> mac) {
            this.link = link;
            this.mac = mac;
            this.queue = new ArrayBlockingQueue<>(depth);
        }

        /** The next event, or null when none came within {@code wait} (time for a keep-alive). */
        public EventJournal.Entry next(Duration wait) throws InterruptedException {
            return queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** The hub dropped it: it fell {@code depth} events behind. */
        public boolean dropped() {
            return dropped;
        }

        public boolean wants(EventJournal.Entry e) {
            return (link.isEmpty() || link.get().equals(e.link())) && (mac.isEmpty() || mac.get().equals(e.mac()));
        }
    }

    private final int maxClients;
    private final int depth;
    private final List<Client> clients = new ArrayList<>();
    private long droppedTotal;

    public EventHub(int maxClients, int depth) {
        this.maxClients = maxClients;
        this.depth = depth;
    }

    /** @return the new client, or empty when {@code maxClients} are connected */
    public synchronized Optional<Client> join(Optional<String> link) {
        return join(link, Optional.empty());
    }

    /** @param mac only the lanlease events of this LAN client ("aa:bb:cc:dd:ee:ff", seed 001's ?mac=) */
    public synchronized Optional<Client> join(Optional<String> link, Optional<String> mac) {
        if (clients.size() >= maxClients) return Optional.empty();
        Client c = new Client(link, mac);
        clients.add(c);
        return Optional.of(c);
    }

    public synchronized void leave(Client client) {
        clients.remove(client);
    }

    /** @return how many clients were dropped by this event */
    public synchronized int publish(EventJournal.Entry e) {
        int dropped = 0;
        for (var it = clients.iterator(); it.hasNext(); ) {
            Client c = it.next();
            if (!c.wants(e) || c.queue.offer(e)) continue;
            c.dropped = true;
            it.remove();
            dropped++;
        }
        droppedTotal += dropped;
        return dropped;
    }

    /** Drops every client (the web bundle stops): their streams end and browsers reconnect. */
    public synchronized void closeAll() {
        for (Client c : clients) c.dropped = true;
        clients.clear();
    }

    public synchronized int clients() {
        return clients.size();
    }

    public synchronized long droppedTotal() {
        return droppedTotal;
    }
}
