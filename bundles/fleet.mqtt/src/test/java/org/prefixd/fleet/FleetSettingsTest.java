package org.prefixd.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class FleetSettingsTest {
    private static FleetSettings of(String[] brokers, String id, String prefix, String cert, String key, String user, String password, int keepalive) {
        return FleetSettings.of(brokers, id, prefix, "", cert, key, user, password, keepalive, 1000, 250);
    }

    @Test
    void commandsAreTakenOnlyWhenEveryBrokerIsReachedOverTls() {
        FleetSettings tls = of(new String[] {"ssl://[fd00::1]:8883", " ssl://b.example:8883 "}, "", "", "", "", "", "", 30);
        assertEquals(List.of("ssl://[fd00::1]:8883", "ssl://b.example:8883"), tls.brokers());
        assertTrue(tls.takesCommands());
        assertEquals("prefixd", tls.topicPrefix(), "the default prefix");
        assertTrue(tls.routerId().isEmpty(), "derived from the DUID");
        FleetSettings plain = of(new String[] {"tcp://a:1883", "tcp://b:1883"}, "r1", "isp/fleet", "", "", "", "", 30);
        assertFalse(plain.takesCommands());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> of(new String[] {"ssl://a:8883", "tcp://b:1883"}, "", "", "", "", "", "", 30))
                .getMessage().contains("not both"));
    }

    @Test
    void aBrokenSettingIsRefusedWithItsName() {
        String[] ok = {"ssl://a:8883"};
        assertTrue(assertThrows(IllegalArgumentException.class, () -> of(new String[0], "", "", "", "", "", "", 30)).getMessage().contains("brokers: none"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> of(new String[] {"http://a:80"}, "", "", "", "", "", "", 30)).getMessage().contains("brokers"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> of(new String[] {"ssl://a"}, "", "", "", "", "", "", 30)).getMessage().contains("no host and port"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> of(ok, "r/+", "", "", "", "", "", 30)).getMessage().contains("router id"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> of(ok, "", "a/#", "", "", "", "", 30)).getMessage().contains("prefix"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> of(ok, "", "", "/c.pem", "", "", "", 30)).getMessage().contains("come together"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> of(ok, "", "", "", "", "", "secret", 30)).getMessage().contains("without a username"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> of(ok, "", "", "", "", "", "", 2)).getMessage().contains("keepalive: 2"));
    }
}
