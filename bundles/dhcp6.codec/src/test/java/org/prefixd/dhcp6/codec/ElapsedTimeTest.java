package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertReencodesExactly;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertRejected;
import static org.prefixd.dhcp6.codec.CodecAssertions.decodeOnlyOption;
import static org.prefixd.dhcp6.codec.Wire.message;
import static org.prefixd.dhcp6.codec.Wire.option;

import org.junit.jupiter.api.Test;

/** Elapsed Time (RFC 8415 §21.9). */
class ElapsedTimeTest {
    @Test
    void decodesHundredthsOfASecond() {
        assertEquals(new ElapsedTime(150), decodeOnlyOption(message(MessageType.SOLICIT, option(8, "0096")), ElapsedTime.class));
    }

    @Test
    void decodesTheLargestValue() {
        assertEquals(new ElapsedTime(0xffff), decodeOnlyOption(message(MessageType.SOLICIT, option(8, "ffff")), ElapsedTime.class));
    }

    @Test
    void reencodesTheElapsedTimeByteExactly() {
        assertReencodesExactly(message(MessageType.SOLICIT, option(8, "0096")));
    }

    @Test
    void rejectsAnElapsedTimeOfOneByte() {
        assertRejected(message(MessageType.SOLICIT, option(8, "00")), "SOLICIT", "ELAPSED_TIME", 8, "elapsed-time needs 2 bytes, 1 left");
    }

    @Test
    void rejectsAnElapsedTimeOfThreeBytes() {
        assertRejected(message(MessageType.SOLICIT, option(8, "0000 00")), "SOLICIT", "ELAPSED_TIME", 10,
                "1 bytes left over after ELAPSED_TIME");
    }

    @Test
    void rejectsASecondElapsedTime() {
        assertRejected(message(MessageType.SOLICIT, option(8, "0000"), option(8, "0001")), "SOLICIT", "", 10,
                "ELAPSED_TIME appears more than once");
    }

    @Test
    void refusesToBuildAnElapsedTimeOver16Bits() {
        assertThrows(IllegalArgumentException.class, () -> new ElapsedTime(0x10000));
    }
}
