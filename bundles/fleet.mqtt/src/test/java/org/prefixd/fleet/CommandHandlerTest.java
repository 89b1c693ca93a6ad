package org.prefixd.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.prefixd.api.ConfigFiles;
import org.prefixd.api.InterfaceName;
import org.prefixd.api.SessionControl;

class CommandHandlerTest {
    private final List<String> done = new ArrayList<>();
    private final SessionControl wan0 = new SessionControl() {
        @Override
        public Optional<String> renew(InterfaceName link) {
            done.add("renew " + link);
            return link.value().equals("wan0") ? Optional.of("renewing wan0") : Optional.empty();
        }

        @Override
        public Optional<String> release(InterfaceName link) {
            throw new IllegalStateException("its bug");
        }
    };
    private final ConfigFiles files = new ConfigFiles() {
        @Override
        public Optional<Map<String, String>> read(String pid) {
            return pid.equals("prefixd.lan~lan0") ? Optional.of(Map.of("lan", "lan0", "hint", "5")) : Optional.empty();
        }

        @Override
        public List<String> write(String pid, Map<String, String> properties) {
            done.add("write " + pid + " " + properties);
            return properties.get("hint").equals("banana") ? List.of("prefixd.lan-lan0.cfg:2: hint: not an integer") : List.of();
        }
    };
    private final CommandHandler handler = new CommandHandler(() -> List.of(wan0), Optional::empty, () -> Optional.of(files));

    @Test
    void eachCommandGoesToItsServiceAndSaysHowItWent() {
        JsonObject renewed = handler.run(new FleetCommand.Renew("c1", InterfaceName.of("wan0")));
        assertEquals("c1", renewed.getString("id"));
        assertTrue(renewed.getBoolean("ok"));
        assertEquals("renewing wan0", renewed.getString("result"));
        JsonObject unknownLink = handler.run(new FleetCommand.Renew("c2", InterfaceName.of("wan9")));
        assertFalse(unknownLink.getBoolean("ok"));
        assertEquals("no prefixd.dhcp6 configuration for wan9", unknownLink.getString("error"));
        assertEquals("5", handler.run(new FleetCommand.ConfigGet("c3", "prefixd.lan~lan0")).getJsonObject("properties").getString("hint"));
        assertEquals("no file for prefixd.radvd", handler.run(new FleetCommand.ConfigGet("c4", "prefixd.radvd")).getString("error"));
        assertTrue(handler.run(new FleetCommand.ConfigSet("c5", "prefixd.lan~lan0", Map.of("lan", "lan0", "hint", "6"))).getBoolean("ok"));
        JsonObject refused = handler.run(new FleetCommand.ConfigSet("c6", "prefixd.lan~lan0", Map.of("lan", "lan0", "hint", "banana")));
        assertEquals("prefixd.lan-lan0.cfg:2: hint: not an integer", refused.getString("error"));
        assertEquals("no configuration loader is running", handler.run(new FleetCommand.Reload("c7")).getString("error"));
        assertEquals(List.of("renew wan0", "renew wan9"), done.subList(0, 2));
        assertEquals(4, done.size(), "two writes: the refused one is the service's to refuse");
    }

    @Test
    void aServicesFailureIsTheCommandsNotTheFleetLinks() {
        JsonObject failed = handler.run(new FleetCommand.Release("c1", InterfaceName.of("wan0")));
        assertFalse(failed.getBoolean("ok"));
        assertTrue(failed.getString("error").contains("its bug"), failed.toString());
    }
}
