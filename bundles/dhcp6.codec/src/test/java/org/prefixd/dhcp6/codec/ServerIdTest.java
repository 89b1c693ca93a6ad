package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertReencodesExactly;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertRejected;
import static org.prefixd.dhcp6.codec.CodecAssertions.decodeOnlyOption;
import static org.prefixd.dhcp6.codec.Wire.option;
import static org.prefixd.dhcp6.codec.Wire.reply;

import org.junit.jupiter.api.Test;

class ServerIdTest {
    /** DUID-EN as Kea makes it: enterprise 2495 (ISC), identifier 0102030405. */
    private static final String DUID_EN = "0002 000009bf 0102030405";

    @Test
    void decodesAServerIdHoldingADuidEn() {
        ServerId id = decodeOnlyOption(reply(option(2, DUID_EN)), ServerId.class);
        assertEquals(new ServerId(new Duid.Enterprise(2495, Bytes.fromHex("0102030405"))), id);
    }

    @Test
    void reencodesAServerIdByteExactly() {
        assertReencodesExactly(reply(option(2, DUID_EN)));
    }

    @Test
    void rejectsAServerIdTooShortForADuidType() {
        assertRejected(reply(option(2, "00")), "REPLY", "SERVERID", 8, "a DUID needs at least its 2-byte type, got 1 bytes");
    }

    @Test
    void rejectsASecondServerId() {
        assertRejected(reply(option(2, DUID_EN), option(2, DUID_EN)), "REPLY", "", 19, "SERVERID appears more than once");
    }
}
