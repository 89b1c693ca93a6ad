package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertReencodesExactly;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertRejected;
import static org.prefixd.dhcp6.codec.CodecAssertions.decodeOnlyOption;
import static org.prefixd.dhcp6.codec.Wire.option;

import org.junit.jupiter.api.Test;

/** Relay Message option (RFC 8415 §21.10): the relayed message, decoded. Its body starts at byte 38 of a Relay-Forward. */
class RelayMessageOptionTest {
    private static byte[] relayForward(String... options) {
        return Wire.bytes("0c 00 20010db8000100000000000000000001 fe800000000000000000000000000001 " + String.join(" ", options));
    }

    @Test
    void decodesTheRelayedMessage() {
        assertEquals(new RelayMessageOption(new ClientServerMessage(MessageType.SOLICIT, 0x0a0b0c, Options.of(new RapidCommit()))),
                decodeOnlyOption(relayForward(option(9, "01 0a0b0c", option(14))), RelayMessageOption.class));
    }

    @Test
    void decodesARelayedDhcpv4Query() {
        assertEquals(new RelayMessageOption(new Dhcp4o6Message(MessageType.DHCPV4_QUERY, 0, Options.NONE)),
                decodeOnlyOption(relayForward(option(9, "14 000000")), RelayMessageOption.class));
    }

    @Test
    void reencodesTheRelayedMessageByteExactly() {
        assertReencodesExactly(relayForward(option(9, "01 0a0b0c", option(14))));
    }

    @Test
    void rejectsAnEmptyRelayMessageOption() {
        assertRejected(relayForward(option(9)), "RELAY-FORW", "RELAY_MSG", 38, "msg-type needs 1 bytes, 0 left");
    }

    @Test
    void rejectsARelayedMessageOfAnUnknownType() {
        assertRejected(relayForward(option(9, "63 000000")), "RELAY-FORW", "RELAY_MSG", 38, "unknown message type 99");
    }

    @Test
    void rejectsASecondRelayMessageOption() {
        assertRejected(relayForward(option(9, "01 0a0b0c"), option(9, "01 0a0b0c")), "RELAY-FORW", "", 42,
                "RELAY_MSG appears more than once");
    }
}
