package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertReencodesExactly;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertRejected;
import static org.prefixd.dhcp6.codec.CodecAssertions.decode;
import static org.prefixd.dhcp6.codec.CodecAssertions.decodeOnlyOption;
import static org.prefixd.dhcp6.codec.Wire.option;
import static org.prefixd.dhcp6.codec.Wire.reply;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Authentication (RFC 8415 §21.11) and the Reconfigure Key Authentication Protocol (§20.4). */
class AuthenticationTest {
    private static final String KEY = "00112233445566778899aabbccddeeff";
    /** Protocol 3, algorithm 1 (HMAC-MD5), RDM 0, replay detection 1, type 1 (reconfigure key), the key. */
    private static final String RECONFIGURE_KEY = "03 01 00 0000000000000001 01 " + KEY;

    @Test
    void decodesAReconfigureKey() {
        assertEquals(new Authentication(3, 1, 0, 1, Bytes.fromHex("01" + KEY)),
                decodeOnlyOption(reply(option(11, RECONFIGURE_KEY)), Authentication.class));
    }

    @Test
    void readsTheKeyOfTheReconfigureKeyProtocol() {
        assertEquals(Optional.of(new Authentication.ReconfigureKeyInfo(1, Bytes.fromHex(KEY))),
                decodeOnlyOption(reply(option(11, RECONFIGURE_KEY)), Authentication.class).reconfigureKey());
    }

    @Test
    void reencodesAReconfigureKeyByteExactly() {
        assertReencodesExactly(reply(option(11, RECONFIGURE_KEY)));
    }

    @Test
    void decodesAReplayDetectionValueWithItsTopBitSet() {
        Authentication auth = decodeOnlyOption(reply(option(11, "03 01 00 ffffffffffffffff 02", KEY)), Authentication.class);
        assertEquals("18446744073709551615", Long.toUnsignedString(auth.replayDetection()));
    }

    @Test
    void decodesAnotherProtocolWithoutInterpretingItsInformation() {
        Authentication auth = decodeOnlyOption(reply(option(11, "02 01 00 0000000000000007 abcdef")), Authentication.class);
        assertEquals(Optional.empty(), auth.reconfigureKey());
    }

    @Test
    void findsNoReconfigureKeyInInformationOfTheWrongLength() {
        Authentication auth = decodeOnlyOption(reply(option(11, "03 01 00 0000000000000001 01", KEY, "00")), Authentication.class);
        assertEquals(Optional.empty(), auth.reconfigureKey());
    }

    @Test
    void findsNoReconfigureKeyOfAnUnknownType() {
        Authentication auth = decodeOnlyOption(reply(option(11, "03 01 00 0000000000000001 03", KEY)), Authentication.class);
        assertEquals(Optional.empty(), auth.reconfigureKey());
    }

    @Test
    void neverPrintsTheKeyInItsText() {
        String text = decodeOnlyOption(reply(option(11, RECONFIGURE_KEY)), Authentication.class).toString().toLowerCase(Locale.ROOT);
        assertFalse(text.contains("8899aabb"), "the key must not appear in " + text);
    }

    @Test
    void neverPrintsTheKeyInTheTextOfTheReconfigureKeyInfo() {
        String text = decodeOnlyOption(reply(option(11, RECONFIGURE_KEY)), Authentication.class).reconfigureKey().orElseThrow()
                .toString().toLowerCase(Locale.ROOT);
        assertFalse(text.contains("8899aabb"), "the key must not appear in " + text);
    }

    @Test
    void neverPrintsTheKeyInTheTextOfTheWholeMessage() {
        String text = decode(reply(option(11, RECONFIGURE_KEY))).toString().toLowerCase(Locale.ROOT);
        assertFalse(text.contains("8899aabb"), "the key must not appear in " + text);
    }

    @Test
    void rejectsAnAuthenticationOptionShorterThan11Bytes() {
        assertRejected(reply(option(11, "03 01 00 00000000000000")), "REPLY", "AUTH", 8,
                "AUTH needs 11 bytes (protocol, algorithm, RDM, replay detection), got 10");
    }

    @Test
    void rejectsASecondAuthenticationOption() {
        assertRejected(reply(option(11, RECONFIGURE_KEY), option(11, RECONFIGURE_KEY)), "REPLY", "", 36, "AUTH appears more than once");
    }
}
