package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertReencodesExactly;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertRejected;
import static org.prefixd.dhcp6.codec.CodecAssertions.decodeOnlyOption;
import static org.prefixd.dhcp6.codec.Wire.ip6;
import static org.prefixd.dhcp6.codec.Wire.option;
import static org.prefixd.dhcp6.codec.Wire.reply;
import static org.prefixd.dhcp6.codec.Wire.u32;

import java.net.Inet6Address;
import org.junit.jupiter.api.Test;

class IaAddressTest {
    private static final String ADDRESS = "20010db8ffff00000000000000000100";

    /** An IA_NA (IAID 1, T1 20, T2 32) around one IAADDR: the IAADDR body starts at byte 24. */
    private static byte[] inIaNa(String... iaAddressBody) {
        return reply(option(3, "00000001 00000014 00000020", option(5, iaAddressBody)));
    }

    private static IaAddress decodeAddress(byte[] packet) {
        return decodeOnlyOption(packet, IaNa.class).addresses().get(0);
    }

    @Test
    void decodesAnAddressWithItsLifetimes() {
        assertEquals(new IaAddress(ip6("2001:db8:ffff::100"), 40, 60, Options.NONE),
                decodeAddress(inIaNa(ADDRESS, u32(40), u32(60))));
    }

    @Test
    void decodesTheStatusCodeOfAnAddress() {
        IaAddress address = decodeAddress(inIaNa(ADDRESS, u32(40), u32(60), option(13, "0000 6f6b")));
        assertEquals(StatusCode.of(StatusCode.SUCCESS, "ok"), address.status().orElseThrow());
    }

    @Test
    void reencodesAnAddressWithAStatusCodeByteExactly() {
        assertReencodesExactly(inIaNa(ADDRESS, u32(40), u32(60), option(13, "0000 6f6b")));
    }

    @Test
    void decodesAnAddressWhosePreferredLifetimeExceedsItsValidOneButMarksItInvalid() {
        assertFalse(decodeAddress(inIaNa(ADDRESS, u32(60), u32(40))).lifetimesValid(),
                "RFC 8415 §21.6: preferred 60 > valid 40 is for the client to discard");
    }

    @Test
    void considersEqualLifetimesValid() {
        assertTrue(decodeAddress(inIaNa(ADDRESS, u32(60), u32(60))).lifetimesValid());
    }

    @Test
    void decodesAnIpv4MappedAddressAsAnIpv6Address() {
        // Found by the fuzzer: InetAddress.getByAddress made ::ffff:a.b.c.d an Inet4Address.
        IaAddress address = decodeAddress(inIaNa("00000000000000000000ffffc0000201", u32(40), u32(60)));
        assertInstanceOf(Inet6Address.class, address.address(), "an IAADDR holds an IPv6 address, even ::ffff:192.0.2.1");
    }

    @Test
    void reencodesAnIpv4MappedAddressByteExactly() {
        assertReencodesExactly(inIaNa("00000000000000000000ffffc0000201", u32(40), u32(60)));
    }

    @Test
    void rejectsAnAddressOptionShorterThan24Bytes() {
        assertRejected(inIaNa(ADDRESS, u32(40)), "REPLY", "IA_NA/IAADDR", 24, "IAADDR needs 24 bytes (address, lifetimes), got 20");
    }

    @Test
    void rejectsAnOptionOverrunningTheAddressOption() {
        assertRejected(inIaNa(ADDRESS, u32(40), u32(60), "000d 0004 0000"), "REPLY", "IA_NA/IAADDR", 50,
                "STATUS_CODE says it has 4 bytes, only 2 follow");
    }
}
