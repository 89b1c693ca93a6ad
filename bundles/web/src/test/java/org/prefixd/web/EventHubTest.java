package org.prefixd.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class EventHubTest {
    private static EventJournal.Entry entry(long id, String link) {
        return new EventJournal.Entry(id, link, "{}");
    }

    @Test
    void aClientThatStopsReadingIsDroppedAndTheOthersGoOn() throws InterruptedException {
        EventHub hub = new EventHub(4, 3);
        EventHub.Client slow = hub.join(Optional.empty()).orElseThrow();
        EventHub.Client reader = hub.join(Optional.empty()).orElseThrow();
        for (long id = 1; id <= 3; id++) {
            assertEquals(0, hub.publish(entry(id, "wan0")));
            assertEquals(id, reader.next(Duration.ZERO).id());
        }
        assertEquals(1, hub.publish(entry(4, "wan0")), "the fourth event does not fit the slow client's queue");
        assertTrue(slow.dropped());
        assertFalse(reader.dropped());
        assertEquals(4, reader.next(Duration.ZERO).id());
        assertEquals(1, hub.clients());
        assertEquals(1, hub.droppedTotal());
    }

    @Test
    void boundedClientsAndTheLinkFilter() throws InterruptedException {
        EventHub hub = new EventHub(2, 8);
        EventHub.Client wan1 = hub.join(Optional.of("wan1")).orElseThrow();
        EventHub.Client all = hub.join(Optional.empty()).orElseThrow();
        assertTrue(hub.join(Optional.empty()).isEmpty(), "a third client is refused");
        hub.publish(entry(1, "wan0"));
        hub.publish(entry(2, "wan1"));
        assertEquals(2, wan1.next(Duration.ZERO).id());
        assertNull(wan1.next(Duration.ZERO));
        assertEquals(1, all.next(Duration.ZERO).id());
        hub.leave(all);
        assertTrue(hub.join(Optional.empty()).isPresent(), "a place is free again");
        hub.closeAll();
        assertTrue(wan1.dropped());
        assertEquals(0, hub.clients());
    }

    @Test
    void theMacFilterPassesOnlyThatClientsLanLeaseEvents() throws InterruptedException {
        EventHub hub = new EventHub(4, 8);
        EventHub.Client one = hub.join(Optional.empty(), Optional.of("52:54:00:12:ab:cd")).orElseThrow();
        hub.publish(new EventJournal.Entry(1, "lan0", "52:54:00:12:ab:cd", "{\"id\":1}"));
        hub.publish(new EventJournal.Entry(2, "lan0", "52:54:00:99:99:99", "{\"id\":2}"));
        hub.publish(entry(3, "wan0"));
        assertEquals(1, one.next(Duration.ofMillis(10)).id());
        assertNull(one.next(Duration.ofMillis(10)), "another client's event and a link event are not this MAC's");
    }
}
