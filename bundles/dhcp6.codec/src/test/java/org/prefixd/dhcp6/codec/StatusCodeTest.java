package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertReencodesExactly;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertRejected;
import static org.prefixd.dhcp6.codec.CodecAssertions.decodeOnlyOption;
import static org.prefixd.dhcp6.codec.Wire.option;
import static org.prefixd.dhcp6.codec.Wire.reply;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Status Code (RFC 8415 §21.13). */
class StatusCodeTest {
    private static StatusCode decodeStatus(String... body) {
        return decodeOnlyOption(reply(option(13, body)), StatusCode.class);
    }

    @Test
    void decodesACodeAndItsMessage() {
        assertEquals(StatusCode.of(StatusCode.NO_PREFIX_AVAIL, "no prefixes here"), decodeStatus("0006", "6e6f2070726566697865732068657265"));
    }

    @Test
    void reencodesACodeAndItsMessageByteExactly() {
        assertReencodesExactly(reply(option(13, "0006", "6e6f2070726566697865732068657265")));
    }

    @Test
    void decodesACodeWithoutAMessage() {
        assertEquals("", decodeStatus("0000").message());
    }

    @Test
    void namesTheCodesOfRfc8415() {
        assertEquals(Optional.of("NoBinding"), decodeStatus("0003").statusName());
    }

    @Test
    void hasNoNameForACodeRfc8415DoesNotDefine() {
        assertEquals(Optional.empty(), decodeStatus("1234").statusName());
    }

    @Test
    void replacesControlCharactersInTheMessage() {
        // "ok", an ANSI colour escape, CR LF, a NUL and a C1 control (U+0085, NEL)
        assertEquals("ok?[31m???x?", decodeStatus("0001", "6f6b 1b5b33316d 0d0a 00 78 c285").message());
    }

    @Test
    void replacesUnicodeLineAndParagraphSeparatorsInTheMessage() {
        assertEquals("a?b?", decodeStatus("0001", "61 e280a8 62 e280a9").message());
    }

    @Test
    void keepsPrintableUnicodeInTheMessage() {
        assertEquals("dépassé", decodeStatus("0001", "64c3a970617373c3a9").message());
    }

    @Test
    void describesAMessageThatIsNotUtf8InsteadOfDecodingIt() {
        assertEquals("(3 bytes that are not UTF-8)", decodeStatus("0001", "ff fe 0a").message());
    }

    @Test
    void keepsTheMessageBytesAsTheyCame() {
        assertEquals(Bytes.fromHex("6f6b0a"), decodeStatus("0001", "6f6b0a").messageBytes());
    }

    @Test
    void printsNoControlCharacterInItsText() {
        String text = decodeStatus("0001", "6f6b 1b5b326a 0d0a").toString();
        assertFalse(text.chars().anyMatch(Character::isISOControl), "no control character in " + text.replace("\u001b", "<ESC>"));
    }

    @Test
    void rejectsAStatusCodeShorterThanItsCode() {
        assertRejected(reply(option(13, "00")), "REPLY", "STATUS_CODE", 8, "status-code needs 2 bytes, 1 left");
    }

    @Test
    void rejectsASecondStatusCode() {
        assertRejected(reply(option(13, "0000"), option(13, "0001")), "REPLY", "", 10, "STATUS_CODE appears more than once");
    }

    @Test
    void replacesInvisibleFormatCharactersThatCouldDisguiseALogLine() {
        StatusCode status = StatusCode.of(StatusCode.NO_BINDING, "ok\u202egnp.exe\u200b");
        org.junit.jupiter.api.Assertions.assertEquals("ok?gnp.exe?", status.message());
    }
}
