package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertReencodesExactly;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertRejected;
import static org.prefixd.dhcp6.codec.CodecAssertions.decodeOnlyOption;
import static org.prefixd.dhcp6.codec.Wire.ip6;
import static org.prefixd.dhcp6.codec.Wire.option;
import static org.prefixd.dhcp6.codec.Wire.reply;

import org.junit.jupiter.api.Test;

class IaTaTest {
    private static final String IA_TA = option(4, "00000007", option(5, "20010db8000000000000000000000002", "00000064 000000c8"));

    @Test
    void decodesAnIaTaWithItsAddress() {
        assertEquals(new IaTa(7, Options.of(new IaAddress(ip6("2001:db8::2"), 100, 200, Options.NONE))),
                decodeOnlyOption(reply(IA_TA), IaTa.class));
    }

    @Test
    void reencodesAnIaTaByteExactly() {
        assertReencodesExactly(reply(IA_TA));
    }

    @Test
    void rejectsAnIaTaShorterThanItsIaid() {
        assertRejected(reply(option(4, "0000")), "REPLY", "IA_TA", 8, "IA_TA needs a 4-byte IAID, got 2");
    }
}
