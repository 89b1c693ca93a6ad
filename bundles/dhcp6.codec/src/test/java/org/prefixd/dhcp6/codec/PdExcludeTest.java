package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertReencodesExactly;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertRejected;
import static org.prefixd.dhcp6.codec.CodecAssertions.decodeOnlyOption;
import static org.prefixd.dhcp6.codec.Wire.option;
import static org.prefixd.dhcp6.codec.Wire.reply;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Prefix Exclude (RFC 6603) inside an IA Prefix. */
class PdExcludeTest {
    /**
     * IA_PD around IAPREFIX 2001:db8:0:ab00::/{length} (preferred 40, valid 60) around the given
     * options: the prefix-length byte is byte 32, the first option inside IAPREFIX starts at 49,
     * so a PD_EXCLUDE body starts at 53.
     */
    private static byte[] delegated(int length, String... options) {
        return reply(option(25, "00000002 00000014 00000020",
                option(26, "00000028 0000003c", String.format("%02x", length), "20010db80000ab000000000000000000", String.join(" ", options))));
    }

    private static Optional<PdExclude> decodeExclude(byte[] packet) {
        return decodeOnlyOption(packet, IaPd.class).prefixes().get(0).exclude();
    }

    @Test
    void decodesTheExcludedSlash64OfADelegatedSlash56() {
        // 2001:db8:0:ab01::/64 excluded from 2001:db8:0:ab00::/56: 8 bits of subnet ID, 0x01.
        assertEquals(Optional.of(new PdExclude(64, Bytes.fromHex("01"))), decodeExclude(delegated(56, option(67, "40 01"))));
    }

    @Test
    void decodesAnExcludedPrefixThatNeedsTwoBytesOfSubnetId() {
        // /48 to /64: 16 bits of subnet ID.
        assertEquals(Optional.of(new PdExclude(64, Bytes.fromHex("ab01"))), decodeExclude(delegated(48, option(67, "40 ab01"))));
    }

    @Test
    void decodesAnExcludedSlash57WithOneByteOfSubnetId() {
        // /56 to /57: one bit, carried in the high bit of one byte.
        assertEquals(Optional.of(new PdExclude(57, Bytes.fromHex("80"))), decodeExclude(delegated(56, option(67, "39 80"))));
    }

    @Test
    void reencodesAPrefixExcludeByteExactly() {
        assertReencodesExactly(delegated(56, option(67, "40 01")));
    }

    private static IaPrefix decodePrefix(byte[] packet) {
        return decodeOnlyOption(packet, IaPd.class).prefixes().get(0);
    }

    @Test
    void anExcludedPrefixNotLongerThanTheDelegatedOneIsKeptAndNamedAsAProblem() {
        // The message still counts: the client sets this one prefix aside.
        byte[] packet = delegated(64, option(67, "40 01"));
        IaPrefix prefix = decodePrefix(packet);
        assertEquals(Optional.of("PD_EXCLUDE prefix length 64 is not longer than the delegated /64"), prefix.excludeProblem());
        assertEquals(Optional.empty(), prefix.excludedPrefix());
        assertReencodesExactly(packet);
    }

    @Test
    void aSubnetIdLongerThanTheBitsBetweenTheTwoLengthsIsAProblem() {
        assertEquals(Optional.of("PD_EXCLUDE subnet ID is 2 bytes, /56 to /64 needs 1"), decodePrefix(delegated(56, option(67, "40 0001"))).excludeProblem());
    }

    @Test
    void aSubnetIdShorterThanTheBitsBetweenTheTwoLengthsIsAProblem() {
        assertEquals(Optional.of("PD_EXCLUDE subnet ID is 1 bytes, /48 to /64 needs 2"), decodePrefix(delegated(48, option(67, "40 01"))).excludeProblem());
    }

    @Test
    void rebuildsTheExcludedPrefixFromTheDelegatedOneAndTheSubnetId() {
        // RFC 6603 §4.2: the delegated prefix's bits, then the subnet ID's, the rest zero.
        assertEquals(Optional.of(address("2001:db8:0:ab01::")), decodePrefix(delegated(56, option(67, "40 01"))).excludedPrefix());
        assertEquals(Optional.of(address("2001:db8:0:ab01::")), decodePrefix(delegated(48, option(67, "40 ab01"))).excludedPrefix());
        assertEquals(Optional.of(address("2001:db8:0:ab80::")), decodePrefix(delegated(56, option(67, "39 80"))).excludedPrefix());
        // /56 to /60: four bits, the byte's low four are padding and ignored
        assertEquals(Optional.of(address("2001:db8:0:ab10::")), decodePrefix(delegated(56, option(67, "3c 1f"))).excludedPrefix());
        assertEquals(Optional.empty(), decodePrefix(delegated(56)).excludedPrefix());
        assertEquals(Optional.empty(), decodePrefix(delegated(56)).excludeProblem());
    }

    @Test
    void theDelegatedPrefixsHostBitsDoNotLeakIntoTheExcludedOne() {
        PdExclude exclude = new PdExclude(64, Bytes.fromHex("02"));
        assertEquals(address("2001:db8:0:ab02::"), exclude.excludedFrom(address("2001:db8:0:abff:1::1"), 56));
        assertThrows(IllegalArgumentException.class, () -> exclude.excludedFrom(address("2001:db8::"), 64));
    }

    private static java.net.Inet6Address address(String literal) {
        try {
            return (java.net.Inet6Address) java.net.InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void rejectsAPrefixExcludeWithoutASubnetId() {
        assertRejected(delegated(56, option(67, "40")), "REPLY", "IA_PD/IAPREFIX/PD_EXCLUDE", 53, "PD_EXCLUDE is 2 to 17 bytes, got 1");
    }

    @Test
    void rejectsAPrefixExcludeLongerThan17Bytes() {
        assertRejected(delegated(0, option(67, "80", "00".repeat(17))), "REPLY", "IA_PD/IAPREFIX/PD_EXCLUDE", 53,
                "PD_EXCLUDE is 2 to 17 bytes, got 18");
    }

    @Test
    void rejectsAnExcludedPrefixLengthOfZero() {
        assertRejected(delegated(56, option(67, "00 01")), "REPLY", "IA_PD/IAPREFIX/PD_EXCLUDE", 53,
                "excluded prefix length 0 is not in 1..128");
    }

    @Test
    void rejectsAnExcludedPrefixLengthOver128() {
        assertRejected(delegated(56, option(67, "81 01")), "REPLY", "IA_PD/IAPREFIX/PD_EXCLUDE", 53,
                "excluded prefix length 129 is not in 1..128");
    }

    @Test
    void rejectsTwoPrefixExcludesInOneIaPrefix() {
        assertRejected(delegated(56, option(67, "40 01"), option(67, "40 02")), "REPLY", "IA_PD/IAPREFIX", 55,
                "PD_EXCLUDE appears more than once");
    }

    @Test
    void refusesToBuildAnEmptySubnetId() {
        assertThrows(IllegalArgumentException.class, () -> new PdExclude(64, Bytes.EMPTY));
    }
}
