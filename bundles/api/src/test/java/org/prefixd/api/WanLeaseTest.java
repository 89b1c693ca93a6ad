package org.prefixd.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class WanLeaseTest {
    private static final InterfaceName WAN = InterfaceName.of("wan0");
    private static final Instant T = Instant.parse("2026-11-25T10:00:00Z");

    private static WanLease lease(List<String> domains, Optional<String> aftr) {
        return new WanLease(WAN, "0002000009bf01", List.of(new WanLease.Address(Ipv6Text.parse("2001:db8::100"), T, T.plusSeconds(60))),
                List.of(new DelegatedPrefix(WAN, 2, new Prefix(Ipv6Text.parse("2001:db8:100::"), 56), T, T.plusSeconds(120))),
                List.of(Ipv6Text.parse("2001:db8::53")), domains, List.of(), List.of("ntp.example.net"), List.of(), List.of(), List.of(), aftr);
    }

    @Test
    void carriesItsLifetimesAndInformationAsServiceProperties() {
        WanLease l = lease(List.of("example.com", "lan."), Optional.of("aftr.example.net"));
        assertEquals(Optional.of(T.plusSeconds(120)), l.validUntil());
        assertEquals("wan0", l.serviceProperties().get(WanLease.PROP_LINK));
        assertArrayEquals(new String[] {"2001:db8:100::/56"}, (String[]) l.serviceProperties().get(WanLease.PROP_PREFIXES));
        assertArrayEquals(new String[] {"2001:db8::53"}, (String[]) l.serviceProperties().get(WanLease.PROP_DNS));
        assertEquals(T.plusSeconds(120).toString(), l.serviceProperties().get(WanLease.PROP_VALID_UNTIL));
    }

    @Test
    void refusesNamesThatAreNoHostNames() {
        for (String bad : List.of("$(reboot).example", "a b", "example.com;rm", "-x.example", "a\nb", ""))
            assertTrue(assertThrows(IllegalArgumentException.class, () -> lease(List.of(bad), Optional.empty())).getMessage().startsWith("domains: not a host name"), bad);
        assertThrows(IllegalArgumentException.class, () -> lease(List.of(), Optional.of("aftr`id`")));
    }
}
