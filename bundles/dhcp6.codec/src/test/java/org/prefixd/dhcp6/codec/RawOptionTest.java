package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertEncodesTo;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertReencodesExactly;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertRejected;
import static org.prefixd.dhcp6.codec.CodecAssertions.decode;
import static org.prefixd.dhcp6.codec.CodecAssertions.decodeOnlyOption;
import static org.prefixd.dhcp6.codec.Wire.option;
import static org.prefixd.dhcp6.codec.Wire.reply;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Options the codec has no type for are kept as code and bytes and written back unchanged. */
class RawOptionTest {
    @Test
    void keepsAnUnknownOptionRawAtTheTopLevel() {
        assertEquals(new RawOption(0xbeef, Bytes.fromHex("5a 01 02")), decodeOnlyOption(reply(option(0xbeef, "5a 01 02")), RawOption.class));
    }

    @Test
    void reencodesAnUnknownOptionAtTheTopLevelByteExactly() {
        assertReencodesExactly(reply(option(1, "0003 0001 020000000001"), option(0xbeef, "5a 01 02"), option(144, "")));
    }

    @Test
    void keepsAnUnknownOptionRawInsideAnIaNa() {
        IaNa ia = decodeOnlyOption(reply(option(3, "00000001 00000000 00000000", option(0x1234, "abcd"))), IaNa.class);
        assertEquals(Options.of(new RawOption(0x1234, Bytes.fromHex("abcd"))), ia.options());
    }

    @Test
    void reencodesAnUnknownOptionInsideAnIaNaByteExactly() {
        assertReencodesExactly(reply(option(3, "00000001 00000000 00000000",
                option(0x1234, "abcd"), option(5, "20010db8ffff00000000000000000100 00000028 0000003c", option(0x4321, "ef")))));
    }

    @Test
    void keepsAnOptionCodeThisCodecDoesNotKnowRawEvenWhenItsDataIsEmpty() {
        assertEquals(new RawOption(0xffff, Bytes.EMPTY), decodeOnlyOption(reply(option(0xffff)), RawOption.class));
    }

    @Test
    void allowsTheSameUnknownOptionTwice() {
        assertEquals(2, decode(reply(option(0xbeef, "01"), option(0xbeef, "02"))).options().all(RawOption.class).size());
    }

    @Test
    void rejectsAnUnknownOptionOverrunningTheMessage() {
        assertRejected(reply("beef 0004 01"), "REPLY", "", 6, "option 48879 says it has 4 bytes, only 1 follow");
    }

    @Test
    void encodesARawOptionGivenInHex() {
        assertEncodesTo(reply(option(0xbeef, "de ad")),
                new ClientServerMessage(MessageType.REPLY, 0x123456, Options.of(RawOption.fromHex(0xbeef, "de:ad"))));
    }

    @Test
    void refusesACodeThatDoesNotFit16Bits() {
        assertThrows(IllegalArgumentException.class, () -> new RawOption(0x10000, Bytes.EMPTY));
    }

    @Test
    void refusesDataLongerThan65535Bytes() {
        assertThrows(IllegalArgumentException.class, () -> new RawOption(0xbeef, Bytes.of(new byte[65536])));
    }

    @Test
    void keepsTheOptionsInTheOrderTheyCame() {
        List<Option> options = decode(reply(option(0xbeef, "01"), option(14), option(0xbeee, "02"))).options().list();
        assertEquals(List.of(0xbeef, OptionCodes.RAPID_COMMIT, 0xbeee), options.stream().map(Option::code).toList());
    }
}
