package org.prefixd.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.prefixd.api.InterfaceName;

class FleetCommandTest {
    private static FleetCommand.Parsed parse(String name, String json) {
        return CommandReader.parse(name, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsEachCommandWithItsArguments() {
        assertEquals(Optional.of(new FleetCommand.Renew("7", InterfaceName.of("wan0"))), parse("renew", "{\"id\":\"7\",\"link\":\"wan0\"}").command());
        assertEquals(Optional.of(new FleetCommand.Reload("a-1")), parse("reload", "{\"id\":\"a-1\"}").command());
        assertEquals(Optional.of(new FleetCommand.ConfigSet("9", "prefixd.lan~lan0", Map.of("lan", "lan0", "hint", "2", "advertise", "true"))),
                parse("config-set", "{\"id\":\"9\",\"pid\":\"prefixd.lan~lan0\",\"properties\":{\"lan\":\"lan0\",\"hint\":2,\"advertise\":true}}").command());
    }

    @Test
    void refusesWithTheReasonAndTheRequestIdWhenThereIsOne() {
        assertEquals("no request id (\"id\": letters, digits, '.', '_', '-', at most 64)", parse("renew", "{\"link\":\"wan0\"}").refused().orElseThrow().why());
        FleetCommand.Refused unknown = parse("reboot", "{\"id\":\"5\"}").refused().orElseThrow();
        assertEquals(Optional.of("5"), unknown.requestId());
        assertTrue(unknown.why().startsWith("no command reboot"), unknown.why());
        assertTrue(parse("renew", "{\"id\":\"5\",\"link\":\"wan0; reboot\"}").refused().orElseThrow().why().startsWith("link:"));
        assertTrue(parse("config-set", "{\"id\":\"5\",\"pid\":\"../etc/passwd\",\"properties\":{}}").refused().orElseThrow().why().contains("not a prefixd configuration"));
        assertTrue(parse("config-set", "{\"id\":\"5\",\"pid\":\"prefixd.lan~lan0\",\"properties\":{\"hint\":\"1\\n2\"}}").refused().orElseThrow().why().contains("control characters"));
        assertTrue(parse("renew", "[1,2]").refused().orElseThrow().why().equals("not a JSON object"));
        assertTrue(parse("renew", "{").refused().orElseThrow().why().startsWith("not JSON"));
        assertTrue(CommandReader.parse("renew", new byte[FleetCommand.MAX_BYTES + 1]).refused().orElseThrow().why().contains("at most"));
    }

    @Test
    void theStateIsPublishedAtOnceThenAtMostOncePerIntervalWithNothingLost() {
        StateThrottle throttle = new StateThrottle(Duration.ofMillis(250));
        Instant t0 = Instant.parse("2026-12-07T12:00:00Z");
        assertEquals(Optional.of(t0), throttle.changed(t0));
        throttle.published(t0);
        assertEquals(Optional.of(t0.plusMillis(250)), throttle.changed(t0.plusMillis(10)), "within the interval: at its end");
        assertEquals(Optional.empty(), throttle.changed(t0.plusMillis(20)), "already scheduled: carried by it");
        throttle.published(t0.plusMillis(250));
        assertEquals(Optional.of(t0.plusSeconds(2)), throttle.changed(t0.plusSeconds(2)), "long after: at once");
    }
}
