package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertEncodesTo;
import static org.prefixd.dhcp6.codec.CodecAssertions.decode;
import static org.prefixd.dhcp6.codec.Wire.option;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The fixtures of {@link TypicalMessages}: their wire form, and the round trip through the codec. */
class TypicalMessagesTest {
    static Stream<Message> typicalMessages() {
        return Stream.of(TypicalMessages.reply(), TypicalMessages.solicit(), TypicalMessages.relayForward(),
                TypicalMessages.dhcpv4Query(), TypicalMessages.everyOption());
    }

    @Test
    void encodesTheTypicalReplyToItsWireForm() {
        byte[] expected = Wire.bytes("07 5a1b2c "
                + option(1, "0001 0001 2c3b1a2f 020000000001")
                + option(2, "0002 000009bf 0102030405")
                + option(3, "00000001 00000014 00000020", option(5, "20010db8ffff00000000000000000100 00000028 0000003c"))
                + option(25, "00000002 00000014 00000020", option(26, "00000028 0000003c 38 20010db8010000000000000000000000"))
                + option(23, "20010db8ffff00000000000000000053 20010db8ffff00000000000000000054")
                + option(24, "07 6578616d706c65 03 6e6574 00 03 6c616e 07 6578616d706c65 03 6e6574 00"));
        assertEncodesTo(expected, TypicalMessages.reply());
    }

    @Test
    void decodesTheTypicalReplyBackToEqualRecords() {
        assertEquals(TypicalMessages.reply(), decode(Dhcp6Codec.encode(TypicalMessages.reply())));
    }

    @ParameterizedTest
    @MethodSource("typicalMessages")
    void decodesWhatItEncodesToAnEqualMessage(Message message) {
        assertEquals(message, decode(Dhcp6Codec.encode(message)));
    }

    @ParameterizedTest
    @MethodSource("typicalMessages")
    void reencodesWhatItDecodesToTheSameBytes(Message message) {
        byte[] encoded = Dhcp6Codec.encode(message);
        assertEquals(Wire.hex(encoded), Wire.hex(Dhcp6Codec.encode(decode(encoded))));
    }

    /** The classes of these options and of every option inside them. */
    private static void collectTypes(Options options, Set<Class<?>> into) {
        for (Option o : options) {
            into.add(o.getClass());
            if (o instanceof IaNa ia) collectTypes(ia.options(), into);
            else if (o instanceof IaTa ia) collectTypes(ia.options(), into);
            else if (o instanceof IaPd ia) collectTypes(ia.options(), into);
            else if (o instanceof IaAddress a) collectTypes(a.options(), into);
            else if (o instanceof IaPrefix p) collectTypes(p.options(), into);
            else if (o instanceof RelayMessageOption r) collectTypes(r.message().options(), into);
        }
    }

    @Test
    void coverEveryOptionType() {
        Set<Class<?>> used = new HashSet<>();
        collectTypes(TypicalMessages.everyOption().options(), used);
        collectTypes(TypicalMessages.relayForward().options(), used);
        Set<Class<?>> all = new HashSet<>(Arrays.asList(Option.class.getPermittedSubclasses()));
        all.removeAll(used);
        assertEquals(Set.of(), all, "option types the fixtures (and so the fuzzer's seeds) do not hold");
    }
}
