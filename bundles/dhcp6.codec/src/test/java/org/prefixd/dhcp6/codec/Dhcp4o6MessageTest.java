package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertReencodesExactly;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertRejected;
import static org.prefixd.dhcp6.codec.CodecAssertions.decode;
import static org.prefixd.dhcp6.codec.Wire.option;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** DHCPV4-QUERY and DHCPV4-RESPONSE (RFC 7341 §6): type, 24 bits of flags, options. */
class Dhcp4o6MessageTest {
    private static final String DISCOVER = "01 01 06 00 39 03 f3 26 63 82 53 63 35 01 01 ff";
    /** A DHCPV4-QUERY with the unicast flag, carrying a DHCPDISCOVER. */
    private static final String QUERY = "14 800000 " + option(87, DISCOVER);

    @Test
    void decodesADhcpv4QueryWithItsDhcpv4Message() {
        assertEquals(new Dhcp4o6Message(MessageType.DHCPV4_QUERY, Dhcp4o6Message.FLAG_UNICAST,
                Options.of(new Dhcp4Message(Bytes.fromHex(DISCOVER)))), decode(Wire.bytes(QUERY)));
    }

    @Test
    void givesTheDhcpv4Message() {
        assertEquals(Optional.of(Bytes.fromHex(DISCOVER)), ((Dhcp4o6Message) decode(Wire.bytes(QUERY))).dhcp4Message());
    }

    @Test
    void reencodesADhcpv4QueryByteExactly() {
        assertReencodesExactly(Wire.bytes(QUERY));
    }

    @Test
    void decodesADhcpv4Response() {
        assertEquals(new Dhcp4o6Message(MessageType.DHCPV4_RESPONSE, 0, Options.of(new Dhcp4Message(Bytes.fromHex("02")))),
                decode(Wire.bytes("15 000000 " + option(87, "02"))));
    }

    @Test
    void decodesAQueryWithoutADhcpv4Message() {
        assertEquals(Optional.empty(), ((Dhcp4o6Message) decode(Wire.bytes("14 000000"))).dhcp4Message());
    }

    @Test
    void rejectsAHeaderCutShortInItsFlags() {
        assertRejected(Wire.bytes("14 8000"), "DHCPV4-QUERY", "", 1, "DHCPV4-QUERY header needs 3 more bytes, got 2");
    }

    @Test
    void rejectsAnOptionOverrunningTheQuery() {
        assertRejected(Wire.bytes("14 000000 0057 0010 01"), "DHCPV4-QUERY", "", 6, "DHCPV4_MSG says it has 16 bytes, only 1 follow");
    }

    @Test
    void refusesFlagsThatDoNotFit24Bits() {
        assertThrows(IllegalArgumentException.class, () -> new Dhcp4o6Message(MessageType.DHCPV4_QUERY, 0x1000000, Options.NONE));
    }

    @Test
    void refusesAMessageTypeThatIsNotDhcpv4OverDhcpv6() {
        assertThrows(IllegalArgumentException.class, () -> new Dhcp4o6Message(MessageType.REPLY, 0, Options.NONE));
    }
}
