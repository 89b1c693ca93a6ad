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

/** SNTP servers (RFC 4075). */
class SntpServersTest {
    @Test
    void decodesTwoAddresses() {
        assertEquals(new SntpServers(List.of(ip6("2001:db8::1"), ip6("2001:db8::2"))),
                decodeOnlyOption(reply(option(31, "20010db8000000000000000000000001 20010db8000000000000000000000002")), SntpServers.class));
    }

    @Test
    void reencodesTwoAddressesByteExactly() {
        assertReencodesExactly(reply(option(31, "20010db8000000000000000000000001 20010db8000000000000000000000002")));
    }

    @Test
    void decodesAnEmptyList() {
        assertEquals(List.of(), decodeOnlyOption(reply(option(31)), SntpServers.class).addresses());
    }

    @Test
    void rejectsALengthThatIsNotAMultipleOf16() {
        assertRejected(reply(option(31, "20010db8000000000000000000000001 20")), "REPLY", "SNTP_SERVERS", 8,
                "a list of IPv6 addresses cannot be 17 bytes long (not a multiple of 16)");
    }

    @Test
    void rejectsASecondOption() {
        assertRejected(reply(option(31), option(31)), "REPLY", "", 8, "SNTP_SERVERS appears more than once");
    }
}
