package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DecodeExceptionTest {
    @Test
    void saysWhichMessageWhichOptionWhereAndWhat() {
        assertEquals("REPLY IA_PD/IAPREFIX at byte 32: prefix length 129 is more than 128",
                new DecodeException("REPLY", "IA_PD/IAPREFIX", 32, "prefix length 129 is more than 128").getMessage());
    }

    @Test
    void leavesThePathOutForAnErrorInTheHeader() {
        assertEquals("message at byte 0: unknown message type 14", new DecodeException("message", "", 0, "unknown message type 14").getMessage());
    }
}
