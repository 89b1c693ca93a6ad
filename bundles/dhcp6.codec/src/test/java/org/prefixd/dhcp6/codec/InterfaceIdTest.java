package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertReencodesExactly;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertRejected;
import static org.prefixd.dhcp6.codec.CodecAssertions.decodeOnlyOption;
import static org.prefixd.dhcp6.codec.Wire.option;

import org.junit.jupiter.api.Test;

/** Interface-Id (RFC 8415 §21.18): opaque, set by a relay. */
class InterfaceIdTest {
    private static byte[] relayForward(String... options) {
        return Wire.bytes("0c 00 20010db8000100000000000000000001 fe800000000000000000000000000001 " + String.join(" ", options));
    }

    @Test
    void decodesTheInterfaceIdAsBytes() {
        assertEquals(new InterfaceId(Bytes.fromHex("65746830")), decodeOnlyOption(relayForward(option(18, "65746830")), InterfaceId.class));
    }

    @Test
    void reencodesTheInterfaceIdByteExactly() {
        assertReencodesExactly(relayForward(option(18, "65746830")));
    }

    @Test
    void decodesAnEmptyInterfaceId() {
        assertEquals(Bytes.EMPTY, decodeOnlyOption(relayForward(option(18)), InterfaceId.class).value());
    }

    @Test
    void rejectsASecondInterfaceId() {
        assertRejected(relayForward(option(18, "00"), option(18, "01")), "RELAY-FORW", "", 39, "INTERFACE_ID appears more than once");
    }
}
