package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertEncodesTo;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertReencodesExactly;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertRejected;
import static org.prefixd.dhcp6.codec.CodecAssertions.decodeOnlyOption;
import static org.prefixd.dhcp6.codec.Wire.option;
import static org.prefixd.dhcp6.codec.Wire.reply;

import org.junit.jupiter.api.Test;

class ClientIdTest {
    /** DUID-LLT: type 1, hardware type 1 (Ethernet), time, MAC 02:00:00:00:00:01. */
    private static final String DUID_LLT = "0001 0001 2c3b1a2f 020000000001";

    @Test
    void decodesAClientIdHoldingADuidLlt() {
        ClientId id = decodeOnlyOption(reply(option(1, DUID_LLT)), ClientId.class);
        assertEquals(new ClientId(new Duid.LinkLayerPlusTime(1, 0x2c3b1a2fL, Bytes.fromHex("020000000001"))), id);
    }

    @Test
    void reencodesAClientIdByteExactly() {
        assertReencodesExactly(reply(option(1, DUID_LLT)));
    }

    @Test
    void encodesAClientIdFromItsRecord() {
        assertEncodesTo(reply(option(1, DUID_LLT)), new ClientServerMessage(MessageType.REPLY, 0x123456,
                Options.of(new ClientId(new Duid.LinkLayerPlusTime(1, 0x2c3b1a2fL, Bytes.fromHex("020000000001"))))));
    }

    @Test
    void rejectsAClientIdTooShortForADuidType() {
        assertRejected(reply(option(1, "00")), "REPLY", "CLIENTID", 8, "a DUID needs at least its 2-byte type, got 1 bytes");
    }

    @Test
    void rejectsAnEmptyClientId() {
        assertRejected(reply(option(1)), "REPLY", "CLIENTID", 8, "a DUID needs at least its 2-byte type, got 0 bytes");
    }

    @Test
    void rejectsAClientIdLongerThan130Bytes() {
        assertRejected(reply(option(1, "0002 00000009", "ab".repeat(125))), "REPLY", "CLIENTID", 8,
                "a DUID is at most 130 bytes, got 131");
    }

    @Test
    void rejectsASecondClientId() {
        assertRejected(reply(option(1, DUID_LLT), option(1, DUID_LLT)), "REPLY", "", 22, "CLIENTID appears more than once");
    }
}
