package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertReencodesExactly;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertRejected;
import static org.prefixd.dhcp6.codec.CodecAssertions.decodeOnlyOption;
import static org.prefixd.dhcp6.codec.Wire.option;
import static org.prefixd.dhcp6.codec.Wire.reply;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** DUIDs (RFC 8415 §11, RFC 6355), decoded from the Client Identifier option. */
class DuidTest {
    private static Duid decodeDuid(String hex) {
        return decodeOnlyOption(reply(option(1, hex)), ClientId.class).duid();
    }

    @Test
    void decodesADuidLlt() {
        assertEquals(new Duid.LinkLayerPlusTime(1, 0x2c3b1a2fL, Bytes.fromHex("020000000001")),
                decodeDuid("0001 0001 2c3b1a2f 020000000001"));
    }

    @Test
    void decodesADuidEn() {
        assertEquals(new Duid.Enterprise(2495, Bytes.fromHex("0102030405")), decodeDuid("0002 000009bf 0102030405"));
    }

    @Test
    void decodesADuidLl() {
        assertEquals(new Duid.LinkLayer(1, Bytes.fromHex("020000000001")), decodeDuid("0003 0001 020000000001"));
    }

    @Test
    void decodesADuidUuid() {
        assertEquals(new Duid.Uuid(UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8")),
                decodeDuid("0004 6ba7b8109dad11d180b400c04fd430c8"));
    }

    @Test
    void keepsADuidOfAnUnknownTypeAsItCame() {
        assertEquals(new Duid.Other(0x1234, Bytes.fromHex("cafe")), decodeDuid("1234 cafe"));
    }

    @Test
    void keepsADuidOfTypeZeroWithNoIdentifier() {
        assertEquals(new Duid.Other(0, Bytes.EMPTY), decodeDuid("0000"));
    }

    @Test
    void reencodesEveryDuidTypeByteExactly() {
        assertReencodesExactly(reply(option(1, "0004 6ba7b8109dad11d180b400c04fd430c8"),
                option(2, "0002 000009bf 0102030405")));
    }

    @Test
    void givesTheWireBytesOfADuidLlt() {
        assertEquals("000100012c3b1a2f020000000001",
                new Duid.LinkLayerPlusTime(1, 0x2c3b1a2fL, Bytes.fromHex("020000000001")).bytes().hex());
    }

    @Test
    void givesTheWireBytesOfADuidUuid() {
        assertEquals("00046ba7b8109dad11d180b400c04fd430c8",
                new Duid.Uuid(UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8")).bytes().hex());
    }

    @Test
    void acceptsADuidOfExactly130Bytes() {
        assertEquals(122, ((Duid.LinkLayerPlusTime) decodeDuid("0001 0001 2c3b1a2f" + "ab".repeat(122))).linkLayerAddress().length());
    }

    @Test
    void rejectsADuidLltWithoutItsTime() {
        assertRejected(reply(option(1, "0001 0001 2c3b")), "REPLY", "CLIENTID", 10,
                "DUID-LLT needs hardware type and time (6 bytes), got 4");
    }

    @Test
    void rejectsADuidEnWithoutAWholeEnterpriseNumber() {
        assertRejected(reply(option(1, "0002 0000 09")), "REPLY", "CLIENTID", 10, "DUID-EN needs a 4-byte enterprise number, got 3");
    }

    @Test
    void rejectsADuidLlWithoutAWholeHardwareType() {
        assertRejected(reply(option(1, "0003 00")), "REPLY", "CLIENTID", 10, "DUID-LL needs a 2-byte hardware type, got 1");
    }

    @Test
    void rejectsADuidUuidThatIsNot16Bytes() {
        assertRejected(reply(option(1, "0004 6ba7b8109dad11d180b400c04fd430")), "REPLY", "CLIENTID", 10,
                "DUID-UUID is 16 bytes after its type, got 15");
    }

    @Test
    void parsesADuidFromColonSeparatedHex() {
        assertEquals(new Duid.LinkLayer(1, Bytes.fromHex("020000000001")), Duid.fromHex("00:03:00:01:02:00:00:00:00:01"));
    }

    @Test
    void refusesToParseAMalformedDuidFromHex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Duid.fromHex("00:01:00:01"));
        assertEquals("'00:01:00:01' is not a DUID: DUID-LLT needs hardware type and time (6 bytes), got 2", e.getMessage());
    }

    @Test
    void refusesAnUnknownDuidRecordForATypeThatHasItsOwn() {
        assertThrows(IllegalArgumentException.class, () -> new Duid.Other(3, Bytes.fromHex("0001")));
    }

    @Test
    void refusesADuidIdentifierLongerThan128Bytes() {
        assertThrows(IllegalArgumentException.class, () -> new Duid.Other(9, Bytes.of(new byte[129])));
    }

    @Test
    void refusesADuidLltTimeThatDoesNotFit32Bits() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Duid.LinkLayerPlusTime(1, 1L << 32, Bytes.EMPTY));
        assertTrue(e.getMessage().contains("does not fit 32 bits"), "message names the problem: " + e.getMessage());
    }
}
