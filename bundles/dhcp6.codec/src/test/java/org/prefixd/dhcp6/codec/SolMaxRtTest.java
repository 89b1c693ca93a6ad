package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertReencodesExactly;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertRejected;
import static org.prefixd.dhcp6.codec.CodecAssertions.decodeOnlyOption;
import static org.prefixd.dhcp6.codec.Wire.option;
import static org.prefixd.dhcp6.codec.Wire.reply;

import org.junit.jupiter.api.Test;

/** SOL_MAX_RT (RFC 8415 §21.24), in seconds. */
class SolMaxRtTest {
    @Test
    void decodesTheSeconds() {
        assertEquals(new SolMaxRt(3600), decodeOnlyOption(reply(option(82, "00000e10")), SolMaxRt.class));
    }

    @Test
    void decodesInfinity() {
        assertEquals(new SolMaxRt(0xffffffffL), decodeOnlyOption(reply(option(82, "ffffffff")), SolMaxRt.class));
    }

    @Test
    void reencodesTheSecondsByteExactly() {
        assertReencodesExactly(reply(option(82, "00000e10")));
    }

    @Test
    void rejectsAValueOfThreeBytes() {
        assertRejected(reply(option(82, "000e10")), "REPLY", "SOL_MAX_RT", 8, "SOL_MAX_RT value needs 4 bytes, 3 left");
    }

    @Test
    void rejectsAValueOfFiveBytes() {
        assertRejected(reply(option(82, "00000e10 00")), "REPLY", "SOL_MAX_RT", 12, "1 bytes left over after SOL_MAX_RT");
    }

    @Test
    void rejectsASecondOption() {
        assertRejected(reply(option(82, "00000e10"), option(82, "00000e10")), "REPLY", "", 12, "SOL_MAX_RT appears more than once");
    }

    @Test
    void refusesToBuildAValueOver32Bits() {
        assertThrows(IllegalArgumentException.class, () -> new SolMaxRt(1L << 32));
    }
}
