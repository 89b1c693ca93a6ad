package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertReencodesExactly;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertRejected;
import static org.prefixd.dhcp6.codec.CodecAssertions.decodeOnlyOption;
import static org.prefixd.dhcp6.codec.Wire.option;
import static org.prefixd.dhcp6.codec.Wire.reply;

import org.junit.jupiter.api.Test;

/** Server Unicast (RFC 8415 §21.12). */
class ServerUnicastTest {
    @Test
    void decodesTheServerAddress() {
        assertEquals(new ServerUnicast(Wire.ip6("2001:db8::547")),
                decodeOnlyOption(reply(option(12, "20010db8000000000000000000000547")), ServerUnicast.class));
    }

    @Test
    void reencodesTheServerAddressByteExactly() {
        assertReencodesExactly(reply(option(12, "20010db8000000000000000000000547")));
    }

    @Test
    void rejectsAnAddressShorterThan16Bytes() {
        assertRejected(reply(option(12, "20010db80000000000000000000005")), "REPLY", "UNICAST", 8, "server-address needs 16 bytes, 15 left");
    }

    @Test
    void rejectsAnAddressLongerThan16Bytes() {
        assertRejected(reply(option(12, "20010db8000000000000000000000547 00")), "REPLY", "UNICAST", 24, "1 bytes left over after UNICAST");
    }
}
