package org.prefixd.radvd.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.prefixd.api.InterfaceName;
import org.prefixd.api.Prefix;
import org.prefixd.radvd.LanAdvert;

/** How soon renewed lifetimes alone are written again: never so late that a host's address runs down meanwhile. */
class RefreshAfterTest {
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

    private static List<LanAdvert> advert(long preferred, long valid) throws Exception {
        Prefix subnet = new Prefix((Inet6Address) InetAddress.getByName("2001:db8:100::"), 64);
        return List.of(new LanAdvert(InterfaceName.of("lan0"), List.of(new LanAdvert.PrefixAdvert(subnet, T0.plusSeconds(preferred), T0.plusSeconds(valid))),
                false, false, List.of(), List.of(), OptionalInt.empty()));
    }

    @Test
    void waitsAMinuteForAnIspsUsualLifetimes() throws Exception {
        assertEquals(Duration.ofSeconds(60), RadvdComponent.refreshAfter(advert(3600, 7200), T0));
    }

    @Test
    void writesAtHalfTheShortestLifetimeWhenThatIsSooner() throws Exception {
        assertEquals(Duration.ofSeconds(10), RadvdComponent.refreshAfter(advert(20, 30), T0), "preferred 20 s: written again after 10 s");
        assertEquals(Duration.ofSeconds(1), RadvdComponent.refreshAfter(advert(1, 2), T0), "never more often than once a second");
        assertEquals(Duration.ofSeconds(15), RadvdComponent.refreshAfter(advert(-5, 30), T0), "deprecated: half its valid lifetime");
    }
}
