package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertEncodesTo;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertReencodesExactly;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertRejected;
import static org.prefixd.dhcp6.codec.CodecAssertions.decodeOnlyOption;
import static org.prefixd.dhcp6.codec.Wire.message;
import static org.prefixd.dhcp6.codec.Wire.option;
import static org.prefixd.dhcp6.codec.Wire.reply;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Option Request (RFC 8415 §21.7). */
class OptionRequestTest {
    @Test
    void decodesTheRequestedCodes() {
        assertEquals(OptionRequest.of(23, 24, 82), decodeOnlyOption(message(MessageType.SOLICIT, option(6, "0017 0018 0052")),
                OptionRequest.class));
    }

    @Test
    void reencodesTheRequestedCodesByteExactly() {
        assertReencodesExactly(message(MessageType.SOLICIT, option(6, "0017 0018 0052")));
    }

    @Test
    void encodesTheRequestedCodesInTheirOrder() {
        assertEncodesTo(message(MessageType.SOLICIT, option(6, "0018 0017")),
                new ClientServerMessage(MessageType.SOLICIT, 0x123456, Options.of(OptionRequest.of(24, 23))));
    }

    @Test
    void decodesAnEmptyRequest() {
        assertEquals(List.of(), decodeOnlyOption(reply(option(6)), OptionRequest.class).codes());
    }

    @Test
    void rejectsARequestOfAnOddLength() {
        assertRejected(reply(option(6, "0017 00")), "REPLY", "ORO", 8, "ORO of 3 bytes is not a list of 2-byte codes");
    }

    @Test
    void rejectsASecondRequest() {
        assertRejected(reply(option(6, "0017"), option(6, "0018")), "REPLY", "", 10, "ORO appears more than once");
    }
}
