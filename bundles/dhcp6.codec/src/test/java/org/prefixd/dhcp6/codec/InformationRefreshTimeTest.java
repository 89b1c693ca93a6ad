package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertReencodesExactly;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertRejected;
import static org.prefixd.dhcp6.codec.CodecAssertions.decodeOnlyOption;
import static org.prefixd.dhcp6.codec.Wire.option;
import static org.prefixd.dhcp6.codec.Wire.reply;

import org.junit.jupiter.api.Test;

/** Information Refresh Time (RFC 8415 §21.23), in seconds. */
class InformationRefreshTimeTest {
    @Test
    void decodesTheSeconds() {
        assertEquals(new InformationRefreshTime(3600), decodeOnlyOption(reply(option(32, "00000e10")), InformationRefreshTime.class));
    }

    @Test
    void decodesInfinity() {
        assertEquals(new InformationRefreshTime(0xffffffffL), decodeOnlyOption(reply(option(32, "ffffffff")), InformationRefreshTime.class));
    }

    @Test
    void reencodesTheSecondsByteExactly() {
        assertReencodesExactly(reply(option(32, "00000e10")));
    }

    @Test
    void rejectsAValueOfThreeBytes() {
        assertRejected(reply(option(32, "000e10")), "REPLY", "INFORMATION_REFRESH_TIME", 8, "information-refresh-time needs 4 bytes, 3 left");
    }

    @Test
    void rejectsAValueOfFiveBytes() {
        assertRejected(reply(option(32, "00000e10 00")), "REPLY", "INFORMATION_REFRESH_TIME", 12, "1 bytes left over after INFORMATION_REFRESH_TIME");
    }

    @Test
    void rejectsASecondOption() {
        assertRejected(reply(option(32, "00000e10"), option(32, "00000e10")), "REPLY", "", 12, "INFORMATION_REFRESH_TIME appears more than once");
    }

    @Test
    void refusesToBuildAValueOver32Bits() {
        assertThrows(IllegalArgumentException.class, () -> new InformationRefreshTime(1L << 32));
    }
}
