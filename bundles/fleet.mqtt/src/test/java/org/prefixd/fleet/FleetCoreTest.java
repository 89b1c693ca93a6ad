package org.prefixd.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class FleetCoreTest {
    @Test
    void topicsAreTheRoutersOwnAndRefuseWildcardsAndEmptyLevels() {
        FleetTopics t = new FleetTopics("isp/routers", "r0011");
        assertEquals("isp/routers/r0011/state", t.state());
        assertEquals("isp/routers/r0011/online", t.online());
        assertEquals("isp/routers/r0011/cmd/+", t.commands());
        assertEquals("isp/routers/r0011/reply/42", t.reply("42"));
        assertEquals(Optional.of("renew"), t.commandOf("isp/routers/r0011/cmd/renew"));
        assertEquals(Optional.empty(), t.commandOf("isp/routers/r0012/cmd/renew"), "another router's");
        assertEquals(Optional.empty(), t.commandOf("isp/routers/r0011/cmd/Renew;x"));
        for (String bad : List.of("a/+", "#", "a//b", "", "a/b c"))
            assertThrows(IllegalArgumentException.class, () -> new FleetTopics(bad, "r1"), bad);
        assertThrows(IllegalArgumentException.class, () -> new FleetTopics("p", "r/1"));
        assertThrows(IllegalArgumentException.class, () -> t.reply("a/b"));
    }

    @Test
    void theRouterIdComesFromTheDuidStableAndShort() {
        assertEquals(RouterId.fromDuid("000300011234567890ab"), RouterId.fromDuid("000300011234567890ab"));
        assertTrue(RouterId.fromDuid("000300011234567890ab").matches("r[0-9a-f]{16}"));
        assertTrue(!RouterId.fromDuid("000300011234567890ab").equals(RouterId.fromDuid("000300011234567890ac")));
        assertThrows(IllegalArgumentException.class, () -> RouterId.fromDuid("zz"));
    }

    @Test
    void theBacklogDropsTheOldestAndCountsThem() {
        EventBacklog backlog = new EventBacklog(3);
        for (int i = 1; i <= 5; i++) backlog.add("e" + i);
        assertEquals(2, backlog.takeDropped());
        assertEquals(0, backlog.takeDropped(), "counted once");
        assertEquals("e3", backlog.next().orElseThrow().event());
        assertEquals("e4", backlog.next().orElseThrow().event());
        assertEquals("e5", backlog.next().orElseThrow().event());
        assertTrue(backlog.next().isEmpty(), "all in flight");
    }

    @Test
    void anEventStaysUntilDeliveredAndWaitsAgainInItsPlaceWhenTheConnectionIsLost() {
        EventBacklog backlog = new EventBacklog(10);
        for (int i = 1; i <= 3; i++) backlog.add("e" + i);
        var first = backlog.next().orElseThrow();
        var second = backlog.next().orElseThrow();
        backlog.delivered(second.seq());
        assertEquals(2, backlog.size());
        backlog.lost();
        assertEquals("e1", backlog.next().orElseThrow().event(), "sent again first");
        assertEquals("e3", backlog.next().orElseThrow().event());
        backlog.delivered(first.seq());
        backlog.delivered(first.seq()); // an acknowledgement twice changes nothing
        assertEquals(1, backlog.size());
    }

    @Test
    void reconnectDelaysGrowToTheLongestWithinHalfToAllOfEachStep() {
        List<Long> low = new ArrayList<>(), high = new ArrayList<>();
        Reconnect lowest = new Reconnect(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 0.0);
        Reconnect highest = new Reconnect(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 0.999999);
        for (int i = 0; i < 9; i++) {
            low.add(lowest.next().toMillis());
            high.add(highest.next().toMillis());
        }
        assertEquals(List.of(500L, 1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L, 30000L), low);
        assertEquals(List.of(999L, 1999L, 3999L, 7999L, 15999L, 31999L, 59999L, 59999L, 59999L), high);
        lowest.reset();
        assertEquals(500L, lowest.next().toMillis());
    }
}
