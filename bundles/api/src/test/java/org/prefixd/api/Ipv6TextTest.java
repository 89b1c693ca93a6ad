package org.prefixd.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Addresses from text, never through a name lookup. */
class Ipv6TextTest {
    @Test
    void readsLiteralsWithAZoneOrALength() {
        assertEquals("2001:db8::1", Ipv6Text.format(Ipv6Text.parse("2001:DB8::1/64")));
        assertEquals("fe80::1", Ipv6Text.format(Ipv6Text.parse("fe80::1%ppp0")));
        assertEquals("::1", Ipv6Text.format(Ipv6Text.parse("::1")));
    }

    @Test
    void refusesWhatTheJdkWouldLookUpAsAHostName() {
        // Only hex digits, ':' and '.', but a leading '.': the JDK would ask the resolver.
        for (String text : new String[] {".:1", "..:", ".1:2", "example.com", "a.b:c.d"})
            assertThrows(IllegalArgumentException.class, () -> Ipv6Text.parse(text), text);
    }
}
