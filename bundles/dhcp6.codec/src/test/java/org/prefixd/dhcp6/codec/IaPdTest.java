package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

class IaPdTest {
    /** IAPREFIX 2001:db8:100::/56, preferred 40 s, valid 60 s. */
    private static final String IAPREFIX = option(26, "00000028 0000003c 38 20010db8010000000000000000000000");

    private static String iaPd(long t1, long t2, String... options) {
        return option(25, "00000002", u32(t1), u32(t2), String.join(" ", options));
    }

    @Test
    void decodesAnIaPdWithItsPrefix() {
        assertEquals(new IaPd(2, 20, 32, Options.of(new IaPrefix(40, 60, 56, ip6("2001:db8:100::"), Options.NONE))),
                decodeOnlyOption(reply(iaPd(20, 32, IAPREFIX)), IaPd.class));
    }

    @Test
    void listsThePrefixesOfAnIaPd() {
        IaPd ia = decodeOnlyOption(reply(iaPd(20, 32, IAPREFIX, IAPREFIX)), IaPd.class);
        assertEquals(List.of(56, 56), ia.prefixes().stream().map(IaPrefix::prefixLength).toList());
    }

    @Test
    void givesTheStatusOfAnIaPd() {
        IaPd ia = decodeOnlyOption(reply(iaPd(0, 0, option(13, "0006"))), IaPd.class);
        assertEquals("NoPrefixAvail", ia.status().orElseThrow().statusName().orElseThrow());
    }

    @Test
    void reencodesAnIaPdByteExactly() {
        assertReencodesExactly(reply(iaPd(20, 32, IAPREFIX, option(13, "0000"))));
    }

    @Test
    void decodesAnIaPdWhoseT1IsGreaterThanT2ButMarksItsTimersInvalid() {
        assertFalse(decodeOnlyOption(reply(iaPd(40, 20, IAPREFIX)), IaPd.class).timersValid(),
                "RFC 8415 §21.21: T1 40 > T2 20 is for the client to discard");
    }

    @Test
    void considersTimersValidWhenT1IsZero() {
        assertTrue(decodeOnlyOption(reply(iaPd(0, 20)), IaPd.class).timersValid());
    }

    @Test
    void considersTimersValidWhenT2IsZeroEvenIfT1IsNot() {
        assertTrue(decodeOnlyOption(reply(iaPd(40, 0)), IaPd.class).timersValid());
    }

    @Test
    void rejectsAnIaPdShorterThanItsIaidAndTimers() {
        assertRejected(reply(option(25, "00000002 00000014 000000")), "REPLY", "IA_PD", 8,
                "IA_PD needs 12 bytes (IAID, T1, T2), got 11");
    }

    @Test
    void rejectsAnOptionOverrunningTheIaPd() {
        assertRejected(reply(iaPd(0, 0, "001a 0019 0000")), "REPLY", "IA_PD", 22, "IAPREFIX says it has 25 bytes, only 2 follow");
    }
}
