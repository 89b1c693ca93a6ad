package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertReencodesExactly;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertRejected;
import static org.prefixd.dhcp6.codec.CodecAssertions.decodeOnlyOption;
import static org.prefixd.dhcp6.codec.Wire.message;
import static org.prefixd.dhcp6.codec.Wire.option;

import org.junit.jupiter.api.Test;

/** Reconfigure Message (RFC 8415 §21.19): the type of message the client is to send. */
class ReconfigureMessageTest {
    @Test
    void decodesTheRequestedMessageType() {
        assertEquals(new ReconfigureMessage(MessageType.RENEW.code()),
                decodeOnlyOption(message(MessageType.RECONFIGURE, option(19, "05")), ReconfigureMessage.class));
    }

    @Test
    void reencodesTheRequestedMessageTypeByteExactly() {
        assertReencodesExactly(message(MessageType.RECONFIGURE, option(19, "0b")));
    }

    @Test
    void rejectsAnEmptyReconfigureMessage() {
        assertRejected(message(MessageType.RECONFIGURE, option(19)), "RECONFIGURE", "RECONF_MSG", 8, "msg-type needs 1 bytes, 0 left");
    }

    @Test
    void rejectsAReconfigureMessageOfTwoBytes() {
        assertRejected(message(MessageType.RECONFIGURE, option(19, "0506")), "RECONFIGURE", "RECONF_MSG", 9,
                "1 bytes left over after RECONF_MSG");
    }
}
