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

/** DNS Recursive Name Servers (RFC 3646 §3). */
class DnsServersTest {
    @Test
    void decodesTwoAddresses() {
        assertEquals(new DnsServers(List.of(ip6("2001:db8::1"), ip6("2001:db8::2"))),
                decodeOnlyOption(reply(option(23, "20010db8000000000000000000000001 20010db8000000000000000000000002")), DnsServers.class));
    }

    @Test
    void reencodesTwoAddressesByteExactly() {
        assertReencodesExactly(reply(option(23, "20010db8000000000000000000000001 20010db8000000000000000000000002")));
    }

    @Test
    void decodesAnEmptyList() {
        assertEquals(List.of(), decodeOnlyOption(reply(option(23)), DnsServers.class).addresses());
    }

    @Test
    void rejectsALengthThatIsNotAMultipleOf16() {
        assertRejected(reply(option(23, "20010db8000000000000000000000001 20")), "REPLY", "DNS_SERVERS", 8,
                "a list of IPv6 addresses cannot be 17 bytes long (not a multiple of 16)");
    }

    @Test
    void rejectsASecondOption() {
        assertRejected(reply(option(23), option(23)), "REPLY", "", 8, "DNS_SERVERS appears more than once");
    }

    @Test
    void decodesAnIpv4MappedServerAddressAsAnIpv6Address() {
        // Found by the fuzzer (as a relay's peer address): ::ffff:a.b.c.d used to come out as an
        // Inet4Address, and the codec failed with a ClassCastException.
        assertEquals(new DnsServers(List.of(ip6("::ffff:192.0.2.53"))),
                decodeOnlyOption(reply(option(23, "00000000000000000000ffffc0000235")), DnsServers.class));
    }

    @Test
    void reencodesAnIpv4MappedServerAddressByteExactly() {
        assertReencodesExactly(reply(option(23, "00000000000000000000ffffc0000235")));
    }
}
