package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertReencodesExactly;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertRejected;
import static org.prefixd.dhcp6.codec.CodecAssertions.decodeOnlyOption;
import static org.prefixd.dhcp6.codec.Wire.message;
import static org.prefixd.dhcp6.codec.Wire.option;
import static org.prefixd.dhcp6.codec.Wire.reply;

import org.junit.jupiter.api.Test;

/** Reconfigure Accept (RFC 8415 §21.20): no data. */
class ReconfigureAcceptTest {
    @Test
    void decodesReconfigureAccept() {
        assertEquals(new ReconfigureAccept(), decodeOnlyOption(reply(option(20)), ReconfigureAccept.class));
    }

    @Test
    void reencodesReconfigureAcceptByteExactly() {
        assertReencodesExactly(message(MessageType.SOLICIT, option(20)));
    }

    @Test
    void rejectsReconfigureAcceptWithData() {
        assertRejected(reply(option(20, "0102")), "REPLY", "RECONF_ACCEPT", 8, "2 bytes left over after RECONF_ACCEPT");
    }
}
