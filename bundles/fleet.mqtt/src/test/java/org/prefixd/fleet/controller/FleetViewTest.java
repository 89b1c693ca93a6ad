package org.prefixd.fleet.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class FleetViewTest {
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void oneLinePerRouterWithItsLinksPrefixesLifetimesAndLastEvent() {
        FleetView view = new FleetView("prefixd");
        view.message("prefixd/rtr1/online", b("true"));
        view.message("prefixd/rtr1/state", b("{\"links\":[],\"lanClients\":[],\"sessions\":[{\"link\":\"wan0\",\"state\":\"BOUND\",\"addresses\":[],"
                + "\"prefixes\":[{\"prefix\":\"2001:db8:100::/56\",\"validUntil\":\"2026-12-07T12:01:30Z\"}]}]}"));
        view.message("prefixd/rtr1/events", b("{\"id\":1,\"time\":\"2026-12-07T11:59:00Z\",\"topic\":\"prefixd/lease/RENEWED\"}"));
        view.message("prefixd/rtr0/online", b("false"));
        view.message("prefixd/rtr0/state", b("not json"));
        view.message("prefixd/rtr2/cmd/renew", b("{}"));
        view.message("other/rtr3/online", b("true"));
        assertEquals(2, view.size(), "commands and other prefixes are no routers");
        assertEquals("""
                rtr0                 offline
                rtr1                 online    wan0 BOUND 2001:db8:100::/56 (valid 90 s)  last prefixd/lease/RENEWED 2026-12-07T11:59:00Z
                """, view.text(NOW));
        assertEquals("prefixd/lease/RENEWED", view.json().getJsonArray("routers").getJsonObject(1).getJsonObject("lastEvent").getString("topic"));
    }

    @Test
    void theCommandLineIsChecked() {
        ControllerOptions o = ControllerOptions.parse(new String[] {"config-set", "rtr1", "prefixd.lan~lan0", "lan=lan0", "--broker", "ssl://b:8883", "--json"});
        assertEquals("config-set", o.command());
        assertEquals(3, o.args().size());
        assertTrue(o.json());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ControllerOptions.parse(new String[] {"status"})).getMessage().contains("--broker"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ControllerOptions.parse(new String[] {"renew", "rtr1", "--broker", "ssl://b:1"}))
                .getMessage().contains("wrong number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ControllerOptions.parse(new String[] {"reboot", "--broker", "ssl://b:1"}))
                .getMessage().contains("no command reboot"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ControllerOptions.parse(new String[] {"status", "--broker", "ssl://b:1", "--cert", "c"}))
                .getMessage().contains("together"));
    }
}
