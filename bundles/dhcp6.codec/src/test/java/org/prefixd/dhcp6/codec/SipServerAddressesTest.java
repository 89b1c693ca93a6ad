package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertReencodesExactly;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertRejected;
import static org.prefixd.dhcp6.codec.CodecAssertions.decodeOnlyOption;
import static org.prefixd.dhcp6.codec.Wire.ip6;
import static org.prefixd.dhcp6.codec.Wire.option;
import static org.prefixd.dhcp6.codec.Wire.reply;

import java.util.List;
import org.junit.jupiter.api.Test;

/** SIP Servers IPv6 Address List (RFC 3319 §3.2). */
class SipServerAddressesTest {
    @Test
    void decodesTwoAddresses() {
        assertEquals(new SipServerAddresses(List.of(ip6("2001:db8::1"), ip6("2001:db8::2"))),
                decodeOnlyOption(reply(option(22, "20010db8000000000000000000000001 20010db8000000000000000000000002")), SipServerAddresses.class));
    }

    @Test
    void reencodesTwoAddressesByteExactly() {
        assertReencodesExactly(reply(option(22, "20010db8000000000000000000000001 20010db8000000000000000000000002")));
    }

    @Test
    void decodesAnEmptyList() {
        assertEquals(List.of(), decodeOnlyOption(reply(option(22)), SipServerAddresses.class).addresses());
    }

    @Test
    void rejectsALengthThatIsNotAMultipleOf16() {
        assertRejected(reply(option(22, "20010db8000000000000000000000001 20")), "REPLY", "SIP_SERVER_A", 8,
                "a list of IPv6 addresses cannot be 17 bytes long (not a multiple of 16)");
    }

    @Test
    void rejectsASecondOption() {
        assertRejected(reply(option(22), option(22)), "REPLY", "", 8, "SIP_SERVER_A appears more than once");
    }
}
