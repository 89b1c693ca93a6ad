package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertReencodesExactly;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertRejected;
import static org.prefixd.dhcp6.codec.CodecAssertions.decodeOnlyOption;
import static org.prefixd.dhcp6.codec.Wire.option;
import static org.prefixd.dhcp6.codec.Wire.reply;

import org.junit.jupiter.api.Test;

/** INF_MAX_RT (RFC 8415 §21.25), in seconds. */
class InfMaxRtTest {
    @Test
    void decodesTheSeconds() {
        assertEquals(new InfMaxRt(3600), decodeOnlyOption(reply(option(83, "00000e10")), InfMaxRt.class));
    }

    @Test
    void decodesInfinity() {
        assertEquals(new InfMaxRt(0xffffffffL), decodeOnlyOption(reply(option(83, "ffffffff")), InfMaxRt.class));
    }

    @Test
    void reencodesTheSecondsByteExactly() {
        assertReencodesExactly(reply(option(83, "00000e10")));
    }

    @Test
    void rejectsAValueOfThreeBytes() {
        assertRejected(reply(option(83, "000e10")), "REPLY", "INF_MAX_RT", 8, "INF_MAX_RT value needs 4 bytes, 3 left");
    }

    @Test
    void rejectsAValueOfFiveBytes() {
        assertRejected(reply(option(83, "00000e10 00")), "REPLY", "INF_MAX_RT", 12, "1 bytes left over after INF_MAX_RT");
    }

    @Test
    void rejectsASecondOption() {
        assertRejected(reply(option(83, "00000e10"), option(83, "00000e10")), "REPLY", "", 12, "INF_MAX_RT appears more than once");
    }

    @Test
    void refusesToBuildAValueOver32Bits() {
        assertThrows(IllegalArgumentException.class, () -> new InfMaxRt(1L << 32));
    }
}
