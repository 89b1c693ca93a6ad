package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertReencodesExactly;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertRejected;
import static org.prefixd.dhcp6.codec.CodecAssertions.decodeOnlyOption;
import static org.prefixd.dhcp6.codec.Wire.ip6;
import static org.prefixd.dhcp6.codec.Wire.option;
import static org.prefixd.dhcp6.codec.Wire.reply;
import static org.prefixd.dhcp6.codec.Wire.u32;

import java.util.List;
import org.junit.jupiter.api.Test;

class IaNaTest {
    /** IAADDR 2001:db8:ffff::100, preferred 40 s, valid 60 s. */
    private static final String IAADDR = option(5, "20010db8ffff00000000000000000100", "00000028 0000003c");

    private static String iaNa(long t1, long t2, String... options) {
        return option(3, "00000001", u32(t1), u32(t2), String.join(" ", options));
    }

    @Test
    void decodesAnIaNaWithItsAddress() {
        IaNa ia = decodeOnlyOption(reply(iaNa(20, 32, IAADDR)), IaNa.class);
        assertEquals(new IaNa(1, 20, 32, Options.of(new IaAddress(ip6("2001:db8:ffff::100"), 40, 60, Options.NONE))), ia);
    }

    @Test
    void listsTheAddressesOfAnIaNa() {
        IaNa ia = decodeOnlyOption(reply(iaNa(20, 32, IAADDR)), IaNa.class);
        assertEquals(List.of(ip6("2001:db8:ffff::100")), ia.addresses().stream().map(IaAddress::address).toList());
    }

    @Test
    void givesTheStatusOfAnIaNa() {
        IaNa ia = decodeOnlyOption(reply(iaNa(0, 0, option(13, "0002"))), IaNa.class);
        assertEquals(StatusCode.NO_ADDRS_AVAIL, ia.status().orElseThrow().status());
    }

    @Test
    void reencodesAnIaNaByteExactly() {
        assertReencodesExactly(reply(iaNa(20, 32, IAADDR, option(13, "0000"))));
    }

    @Test
    void decodesAnIaNaWithoutOptions() {
        assertEquals(Options.NONE, decodeOnlyOption(reply(iaNa(0, 0)), IaNa.class).options());
    }

    @Test
    void decodesAnIaNaWhoseT1IsGreaterThanT2ButMarksItsTimersInvalid() {
        assertFalse(decodeOnlyOption(reply(iaNa(40, 20, IAADDR)), IaNa.class).timersValid(),
                "RFC 8415 §21.4: T1 40 > T2 20 is for the client to discard");
    }

    @Test
    void considersTimersValidWhenT1IsZero() {
        assertTrue(decodeOnlyOption(reply(iaNa(0, 20)), IaNa.class).timersValid());
    }

    @Test
    void considersTimersValidWhenT2IsZeroEvenIfT1IsNot() {
        assertTrue(decodeOnlyOption(reply(iaNa(40, 0)), IaNa.class).timersValid());
    }

    @Test
    void considersTimersValidWhenT1EqualsT2() {
        assertTrue(new IaNa(1, 30, 30, Options.NONE).timersValid());
    }

    @Test
    void decodesInfiniteTimers() {
        IaNa ia = decodeOnlyOption(reply(iaNa(0xffffffffL, 0xffffffffL)), IaNa.class);
        assertEquals(0xffffffffL, ia.t2());
    }

    @Test
    void allowsSeveralIaNasInOneMessage() {
        assertEquals(2, CodecAssertions.decode(reply(iaNa(0, 0), iaNa(0, 0))).options().all(IaNa.class).size());
    }

    @Test
    void rejectsAnIaNaShorterThanItsIaidAndTimers() {
        assertRejected(reply(option(3, "00000001 00000014")), "REPLY", "IA_NA", 8, "IA_NA needs 12 bytes (IAID, T1, T2), got 8");
    }

    @Test
    void rejectsAnIaNaOptionThatOverrunsTheIaNa() {
        // The Status Code inside says 16 bytes; only 2 are left in the IA_NA.
        assertRejected(reply(iaNa(0, 0, "000d 0010 0000")), "REPLY", "IA_NA", 22, "STATUS_CODE says it has 16 bytes, only 2 follow");
    }

    @Test
    void rejectsATruncatedOptionHeaderInsideAnIaNa() {
        assertRejected(reply(iaNa(0, 0, "000d 00")), "REPLY", "IA_NA", 20, "option header needs 4 bytes, 3 left");
    }

    @Test
    void rejectsTwoStatusCodesInOneIaNa() {
        assertRejected(reply(iaNa(0, 0, option(13, "0000"), option(13, "0000"))), "REPLY", "IA_NA", 26,
                "STATUS_CODE appears more than once");
    }

    @Test
    void refusesAnIaidThatDoesNotFit32Bits() {
        assertThrows(IllegalArgumentException.class, () -> new IaNa(1L << 32, 0, 0, Options.NONE));
    }
}
