package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertReencodesExactly;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertRejected;
import static org.prefixd.dhcp6.codec.CodecAssertions.decode;
import static org.prefixd.dhcp6.codec.CodecAssertions.decodeOnlyOption;
import static org.prefixd.dhcp6.codec.Wire.ip6;
import static org.prefixd.dhcp6.codec.Wire.name;
import static org.prefixd.dhcp6.codec.Wire.option;
import static org.prefixd.dhcp6.codec.Wire.reply;

import java.util.List;
import org.junit.jupiter.api.Test;

/** NTP Server (RFC 5908): suboptions, each with a 2-byte code and length. The first suboption's data is byte 12. */
class NtpServerTest {
    private static final String SERVER = option(1, "20010db8000000000000000000000123");
    private static final String MULTICAST = option(2, "ff050000000000000000000000000101");
    private static final String NAME = option(3, name("ntp.example.net"));

    @Test
    void decodesAnAddressAMulticastAddressAndAName() {
        assertEquals(new NtpServer(List.of(new NtpServer.ServerAddress(ip6("2001:db8::123")),
                        new NtpServer.MulticastAddress(ip6("ff05::101")), new NtpServer.ServerName(DomainName.of("ntp.example.net")))),
                decodeOnlyOption(reply(option(56, SERVER, MULTICAST, NAME)), NtpServer.class));
    }

    @Test
    void reencodesItsSuboptionsByteExactly() {
        assertReencodesExactly(reply(option(56, SERVER, MULTICAST, NAME)));
    }

    @Test
    void keepsAnUnknownSuboptionAsBytes() {
        assertEquals(new NtpServer(List.of(new NtpServer.OtherSuboption(9, Bytes.fromHex("abcd")))),
                decodeOnlyOption(reply(option(56, option(9, "abcd"))), NtpServer.class));
    }

    @Test
    void reencodesAnUnknownSuboptionByteExactly() {
        assertReencodesExactly(reply(option(56, option(9, "abcd"), SERVER)));
    }

    @Test
    void allowsSeveralNtpServerOptions() {
        assertEquals(2, decode(reply(option(56, SERVER), option(56, NAME))).options().all(NtpServer.class).size());
    }

    @Test
    void rejectsAServerAddressThatIsNot16Bytes() {
        assertRejected(reply(option(56, option(1, "20010db80000000000000000000001"))), "REPLY", "NTP_SERVER", 12,
                "NTP suboption 1 is an IPv6 address (16 bytes), got 15");
    }

    @Test
    void rejectsAMulticastAddressThatIsNot16Bytes() {
        assertRejected(reply(option(56, option(2, "ff050000000000000000000000000101 00"))), "REPLY", "NTP_SERVER", 12,
                "NTP suboption 2 is an IPv6 address (16 bytes), got 17");
    }

    @Test
    void rejectsASuboptionThatOverrunsTheOption() {
        assertRejected(reply(option(56, "0001 0010 20010db8")), "REPLY", "NTP_SERVER", 12, "NTP suboption 1 needs 16 bytes, 4 left");
    }

    @Test
    void rejectsATruncatedSuboptionHeader() {
        assertRejected(reply(option(56, "0001 00")), "REPLY", "NTP_SERVER", 8, "NTP suboption header needs 4 bytes, 3 left");
    }

    @Test
    void rejectsAPartialServerName() {
        assertRejected(reply(option(56, option(3, "03 6e7470"))), "REPLY", "NTP_SERVER", 16, "domain name does not end with the root label");
    }

    @Test
    void rejectsBytesAfterTheServerName() {
        assertRejected(reply(option(56, option(3, "03 6e7470 00 ff"))), "REPLY", "NTP_SERVER", 17, "1 bytes left over after NTP suboption 3");
    }

    @Test
    void keepsAServerNameThatIsNotAHostNameApart() {
        byte[] packet = reply(option(56, option(3, "03 6e743b 00")));
        NtpServer.ServerName name = (NtpServer.ServerName) decodeOnlyOption(packet, NtpServer.class).suboptions().get(0);
        assertEquals(java.util.Optional.empty(), name.name().hostName());
        assertEquals("\"nt\\x3b\" (label contains a character that is not allowed in a host name (0x3b))", name.name().toString());
        assertReencodesExactly(packet);
    }

    @Test
    void refusesToBuildAnUnknownSuboptionWithAKnownCode() {
        assertThrows(IllegalArgumentException.class, () -> new NtpServer.OtherSuboption(NtpServer.SRV_FQDN, Bytes.EMPTY));
    }
}
