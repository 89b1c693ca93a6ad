package org.prefixd.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class PrefixTest {
    private static final Prefix DELEGATED = Prefix.parse("2001:db8:100::/56");

    @Test
    void parsesWhatItPrintsAndRefusesWhatIsNoPrefix() {
        assertEquals("2001:db8:100:1::/64", Prefix.parse("2001:db8:100:1:0::/64").toString());
        assertEquals(new Prefix(Ipv6Text.parse("2001:db8:100::"), 56), Prefix.parse("2001:db8:100:ff::1/56"), "host bits cleared");
        assertThrows(IllegalArgumentException.class, () -> Prefix.parse("2001:db8:100::"));
        assertThrows(IllegalArgumentException.class, () -> Prefix.parse("2001:db8:100::/x"));
        assertThrows(IllegalArgumentException.class, () -> Prefix.parse("2001:db8:100::/129"));
        assertThrows(IllegalArgumentException.class, () -> Prefix.parse("192.0.2.0/24"));
    }

    @Test
    void containsAndOverlapsWhatLiesWithin() {
        Prefix subnet = Prefix.parse("2001:db8:100:1::/64");
        assertTrue(DELEGATED.contains(subnet));
        assertTrue(DELEGATED.contains(DELEGATED));
        assertFalse(subnet.contains(DELEGATED));
        assertTrue(subnet.overlaps(DELEGATED) && DELEGATED.overlaps(subnet));
        assertFalse(subnet.overlaps(Prefix.parse("2001:db8:100:2::/64")));
        assertTrue(Prefix.parse("2001:db8:100::/60").overlaps(subnet));
        assertFalse(Prefix.parse("2001:db8:100:10::/60").overlaps(subnet));
    }

    @Test
    void aDelegatedPrefixsExclusionIsALongerPrefixInsideItAndSurvivesWithdrawal() {
        Instant now = Instant.parse("2026-12-03T10:00:00Z");
        InterfaceName wan = InterfaceName.of("wan0");
        Optional<Prefix> excluded = Optional.of(Prefix.parse("2001:db8:100:1::/64"));
        DelegatedPrefix held = new DelegatedPrefix(wan, 2, DELEGATED, now.plusSeconds(60), now.plusSeconds(120), excluded);
        assertEquals("2001:db8:100:1::/64", held.serviceProperties().get(DelegatedPrefix.PROP_EXCLUDED));
        assertEquals(excluded, held.withdrawnAt(now).excluded());
        assertEquals(null, new DelegatedPrefix(wan, 2, DELEGATED, now, now).serviceProperties().get(DelegatedPrefix.PROP_EXCLUDED));
        assertThrows(IllegalArgumentException.class, () -> new DelegatedPrefix(wan, 2, DELEGATED, now, now, Optional.of(Prefix.parse("2001:db8:200:1::/64"))));
        assertThrows(IllegalArgumentException.class, () -> new DelegatedPrefix(wan, 2, DELEGATED, now, now, Optional.of(DELEGATED)));
    }
}
