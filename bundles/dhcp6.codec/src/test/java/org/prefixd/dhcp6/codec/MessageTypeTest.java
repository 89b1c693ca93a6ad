package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class MessageTypeTest {
    @ParameterizedTest
    @EnumSource(MessageType.class)
    void findsEveryTypeByItsCode(MessageType type) {
        assertEquals(type, MessageType.of(type.code()));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 14, 19, 22, 256})
    void findsNoTypeForACodeItDoesNotKnow(int code) {
        assertNull(MessageType.of(code));
    }

    @Test
    void writesItsNameAsRfc8415Does() {
        assertEquals("INFORMATION-REQUEST", MessageType.INFORMATION_REQUEST.rfcName());
    }
}
