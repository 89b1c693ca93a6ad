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

/** DHCP 4o6 Servers Address (RFC 7341 §8). */
class Dhcp4o6ServersTest {
    @Test
    void decodesTwoAddresses() {
        assertEquals(new Dhcp4o6Servers(List.of(ip6("2001:db8::1"), ip6("2001:db8::2"))),
                decodeOnlyOption(reply(option(88, "20010db8000000000000000000000001 20010db8000000000000000000000002")), Dhcp4o6Servers.class));
    }

    @Test
    void reencodesTwoAddressesByteExactly() {
        assertReencodesExactly(reply(option(88, "20010db8000000000000000000000001 20010db8000000000000000000000002")));
    }

    @Test
    void decodesAnEmptyList() {
        assertEquals(List.of(), decodeOnlyOption(reply(option(88)), Dhcp4o6Servers.class).addresses());
    }

    @Test
    void rejectsALengthThatIsNotAMultipleOf16() {
        assertRejected(reply(option(88, "20010db8000000000000000000000001 20")), "REPLY", "DHCP4_O_DHCP6_SERVER", 8,
                "a list of IPv6 addresses cannot be 17 bytes long (not a multiple of 16)");
    }

    @Test
    void rejectsASecondOption() {
        assertRejected(reply(option(88), option(88)), "REPLY", "", 8, "DHCP4_O_DHCP6_SERVER appears more than once");
    }
}
