package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertReencodesExactly;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertRejected;
import static org.prefixd.dhcp6.codec.CodecAssertions.decodeOnlyOption;
import static org.prefixd.dhcp6.codec.Wire.message;
import static org.prefixd.dhcp6.codec.Wire.option;

import org.junit.jupiter.api.Test;

/** DHCPv4 Message (RFC 7341 §7): a DHCPv4 message, opaque to this codec. */
class Dhcp4MessageTest {
    private static final String DISCOVER = "01 01 06 00 39 03 f3 26 63 82 53 63 35 01 01 ff";

    @Test
    void decodesTheDhcpv4MessageAsBytes() {
        assertEquals(new Dhcp4Message(Bytes.fromHex(DISCOVER)),
                decodeOnlyOption(Wire.bytes("14 000000 " + option(87, DISCOVER)), Dhcp4Message.class));
    }

    @Test
    void reencodesTheDhcpv4MessageByteExactly() {
        assertReencodesExactly(Wire.bytes("14 000000 " + option(87, DISCOVER)));
    }

    @Test
    void rejectsASecondDhcpv4Message() {
        assertRejected(Wire.bytes("14 000000 " + option(87, "01") + option(87, "02")), "DHCPV4-QUERY", "", 9,
                "DHCPV4_MSG appears more than once");
    }
}
