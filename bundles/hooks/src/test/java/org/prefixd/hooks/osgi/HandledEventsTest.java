package org.prefixd.hooks.osgi;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prefixd.api.InterfaceName;

class HandledEventsTest {
    private static final InterfaceName WAN = InterfaceName.of("wan0");

    @Test
    void theLastRecordedIdOfALinkIsKnownToTheNextDispatcher(@TempDir Path run) {
        HandledEvents first = new HandledEvents(run.resolve("hook-events"));
        assertFalse(first.wasLast(WAN, "mh1x2-1"), "nothing recorded yet");
        first.record(WAN, "mh1x2-1");
        first.record(WAN, "mh1x2-2");
        HandledEvents next = new HandledEvents(run.resolve("hook-events")); // the hooks bundle updated
        assertTrue(next.wasLast(WAN, "mh1x2-2"));
        assertFalse(next.wasLast(WAN, "mh1x2-1"));
        assertFalse(next.wasLast(InterfaceName.of("wan1"), "mh1x2-2"), "per link");
    }

    @Test
    void anOversizedOrUnreadableRecordCountsAsNotHandled(@TempDir Path run) throws Exception {
        Path dir = run.resolve("hook-events");
        HandledEvents events = new HandledEvents(dir);
        events.record(WAN, "x".repeat(65));
        assertFalse(events.wasLast(WAN, "x".repeat(65)), "an id longer than 64 is not recorded");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("last-event-wan0"), "y".repeat(1000));
        assertFalse(events.wasLast(WAN, "y".repeat(1000)));
    }
}
