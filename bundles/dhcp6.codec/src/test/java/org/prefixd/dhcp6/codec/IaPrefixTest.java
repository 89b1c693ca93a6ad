package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

class IaPrefixTest {
    private static final String PREFIX_56 = "20010db8010000000000000000000000";

    /**
     * An IA_PD (IAID 2, T1 20, T2 32) around one IAPREFIX: the IAPREFIX body starts at byte 24,
     * its prefix-length byte is byte 32.
     */
    private static byte[] inIaPd(String... iaPrefixBody) {
        return reply(option(25, "00000002 00000014 00000020", option(26, iaPrefixBody)));
    }

    private static IaPrefix decodePrefix(byte[] packet) {
        return decodeOnlyOption(packet, IaPd.class).prefixes().get(0);
    }

    @Test
    void decodesADelegatedPrefixWithItsLifetimes() {
        assertEquals(new IaPrefix(40, 60, 56, ip6("2001:db8:100::"), Options.NONE),
                decodePrefix(inIaPd(u32(40), u32(60), "38", PREFIX_56)));
    }

    @Test
    void reencodesADelegatedPrefixByteExactly() {
        assertReencodesExactly(inIaPd(u32(40), u32(60), "38", PREFIX_56, option(13, "0000")));
    }

    @Test
    void decodesAPrefixWhosePreferredLifetimeExceedsItsValidOneButMarksItInvalid() {
        assertFalse(decodePrefix(inIaPd(u32(60), u32(40), "38", PREFIX_56)).lifetimesValid(),
                "RFC 8415 §21.22: preferred 60 > valid 40 is for the client to discard");
    }

    @Test
    void considersInfiniteLifetimesValid() {
        assertTrue(decodePrefix(inIaPd(u32(0xffffffffL), u32(0xffffffffL), "38", PREFIX_56)).lifetimesValid());
    }

    @Test
    void acceptsAPrefixLengthOf128() {
        assertEquals(128, decodePrefix(inIaPd(u32(40), u32(60), "80", PREFIX_56)).prefixLength());
    }

    @Test
    void acceptsAPrefixLengthOfZeroAsAClientHint() {
        assertEquals(0, decodePrefix(inIaPd(u32(0), u32(0), "00", "00".repeat(16))).prefixLength());
    }

    @Test
    void decodesAnIpv4MappedPrefixAsAnIpv6Address() {
        IaPrefix prefix = decodePrefix(inIaPd(u32(40), u32(60), "60", "00000000000000000000ffff00000000"));
        assertInstanceOf(Inet6Address.class, prefix.prefix());
    }

    @Test
    void rejectsAnIaPrefixWithALengthOver128() {
        assertRejected(inIaPd(u32(40), u32(60), "81", PREFIX_56), "REPLY", "IA_PD/IAPREFIX", 32, "prefix length 129 is more than 128");
    }

    @Test
    void rejectsAnIaPrefixShorterThan25Bytes() {
        assertRejected(inIaPd(u32(40), u32(60), PREFIX_56), "REPLY", "IA_PD/IAPREFIX", 24,
                "IAPREFIX needs 25 bytes (lifetimes, length, prefix), got 24");
    }

    @Test
    void rejectsAnOptionOverrunningTheIaPrefix() {
        assertRejected(inIaPd(u32(40), u32(60), "38", PREFIX_56, "000d 0003 0000"), "REPLY", "IA_PD/IAPREFIX", 51,
                "STATUS_CODE says it has 3 bytes, only 2 follow");
    }

    @Test
    void refusesToBuildAPrefixLongerThan128() {
        assertThrows(IllegalArgumentException.class, () -> new IaPrefix(0, 0, 129, ip6("::"), Options.NONE));
    }
}
