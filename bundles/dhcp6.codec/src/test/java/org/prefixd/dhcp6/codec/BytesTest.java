package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BytesTest {
    @Test
    void readsHexWithColonsAndSpaces() {
        assertEquals(Bytes.of((byte) 0x00, (byte) 0x03, (byte) 0xab), Bytes.fromHex("00:03 ab"));
    }

    @Test
    void refusesTextThatIsNotHex() {
        assertThrows(IllegalArgumentException.class, () -> Bytes.fromHex("0g"));
    }

    @Test
    void copiesTheArrayItIsMadeFrom() {
        byte[] raw = {1, 2};
        Bytes bytes = Bytes.of(raw);
        raw[0] = 9;
        assertEquals("0102", bytes.hex());
    }

    @Test
    void givesACopyOfItsBytes() {
        Bytes bytes = Bytes.fromHex("0102");
        bytes.toArray()[0] = 9;
        assertEquals("0102", bytes.hex());
    }

    @Test
    void printsAtMost64BytesAndTheLength() {
        assertEquals("00".repeat(64) + "...(65 bytes)", Bytes.of(new byte[65]).toString());
    }
}
