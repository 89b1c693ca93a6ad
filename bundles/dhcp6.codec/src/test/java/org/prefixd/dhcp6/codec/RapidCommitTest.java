package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertReencodesExactly;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertRejected;
import static org.prefixd.dhcp6.codec.CodecAssertions.decodeOnlyOption;
import static org.prefixd.dhcp6.codec.Wire.message;
import static org.prefixd.dhcp6.codec.Wire.option;
import static org.prefixd.dhcp6.codec.Wire.reply;

import org.junit.jupiter.api.Test;

/** Rapid Commit (RFC 8415 §21.14): no data. */
class RapidCommitTest {
    @Test
    void decodesRapidCommit() {
        assertEquals(new RapidCommit(), decodeOnlyOption(reply(option(14)), RapidCommit.class));
    }

    @Test
    void reencodesRapidCommitByteExactly() {
        assertReencodesExactly(message(MessageType.SOLICIT, option(14)));
    }

    @Test
    void rejectsRapidCommitWithData() {
        assertRejected(reply(option(14, "00")), "REPLY", "RAPID_COMMIT", 8, "1 bytes left over after RAPID_COMMIT");
    }

    @Test
    void rejectsASecondRapidCommit() {
        assertRejected(reply(option(14), option(14)), "REPLY", "", 8, "RAPID_COMMIT appears more than once");
    }
}
