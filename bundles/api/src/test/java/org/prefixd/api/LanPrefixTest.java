package org.prefixd.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class LanPrefixTest {
    private static final Instant T = Instant.parse("2026-11-25T10:00:00Z");
    private static final DelegatedPrefix FROM = new DelegatedPrefix(InterfaceName.of("wan0"), 1,
            new Prefix(Ipv6Text.parse("2001:db8:100::"), 56), T.plusSeconds(100), T.plusSeconds(200));

    @Test
    void isASubnetOfItsDelegatedPrefixWithinItsLifetimes() {
        LanPrefix lan = new LanPrefix(InterfaceName.of("br-lan"), new Prefix(Ipv6Text.parse("2001:db8:100:3::"), 64), FROM, T.plusSeconds(50),
                T.plusSeconds(200), false);
        assertEquals("2001:db8:100:3::/64", lan.serviceProperties().get(LanPrefix.PROP_SUBNET));
        assertEquals("2001:db8:100::/56", lan.serviceProperties().get(LanPrefix.PROP_DELEGATED));
    }

    @Test
    void refusesASubnetOutsideItsPrefixOrOutlivingIt() {
        assertThrows(IllegalArgumentException.class, () -> new LanPrefix(InterfaceName.of("br-lan"),
                new Prefix(Ipv6Text.parse("2001:db8:200::"), 64), FROM, T, T.plusSeconds(100), false));
        assertThrows(IllegalArgumentException.class, () -> new LanPrefix(InterfaceName.of("br-lan"),
                new Prefix(Ipv6Text.parse("2001:db8:100::"), 48), FROM, T, T.plusSeconds(100), false));
        assertThrows(IllegalArgumentException.class, () -> new LanPrefix(InterfaceName.of("br-lan"),
                new Prefix(Ipv6Text.parse("2001:db8:100::"), 64), FROM, T, T.plusSeconds(300), false));
    }
}
