package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertRejected;
import static org.prefixd.dhcp6.codec.CodecAssertions.decode;
import static org.prefixd.dhcp6.codec.Wire.option;
import static org.prefixd.dhcp6.codec.Wire.reply;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Message framing: header, option headers and lengths, singletons, nesting limits. */
class Dhcp6CodecTest {
    private static final String CLIENTID = option(1, "0003 0001 020000000001");

    /**
     * IA_TAs (IAID 1) nested {@code depth} deep, the outermost at byte 4 of a Reply; each level
     * is 8 bytes (option header and IAID), so the IA_TA of level n starts at 4 + 8 × (n - 1).
     */
    private static byte[] nestedIaTas(int depth) {
        byte[] packet = new byte[4 + 8 * depth];
        System.arraycopy(Wire.bytes("07 123456"), 0, packet, 0, 4);
        for (int level = 0; level < depth; level++) {
            int at = 4 + 8 * level;
            int length = 4 + 8 * (depth - level - 1);
            packet[at + 1] = OptionCodes.IA_TA;
            packet[at + 2] = (byte) (length >>> 8);
            packet[at + 3] = (byte) length;
            packet[at + 7] = 1;
        }
        return packet;
    }

    @ParameterizedTest
    @EnumSource(value = MessageType.class, names = {"RELAY_FORW", "RELAY_REPL", "DHCPV4_QUERY", "DHCPV4_RESPONSE"},
            mode = EnumSource.Mode.EXCLUDE)
    void decodesTheHeaderOfEveryClientServerMessageType(MessageType type) {
        assertEquals(new ClientServerMessage(type, 0xabcdef, Options.NONE), decode(Wire.bytes(String.format("%02x abcdef", type.code()))));
    }

    @Test
    void rejectsAnEmptyPacket() {
        assertRejected(new byte[0], "message", "", 0, "msg-type needs 1 bytes, 0 left");
    }

    @Test
    void rejectsAHeaderCutShortInItsTransactionId() {
        assertRejected(Wire.bytes("07 1234"), "REPLY", "", 1, "REPLY header needs a 3-byte transaction-id, got 2");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 14, 19, 22, 255})
    void rejectsAnUnknownMessageType(int code) {
        assertRejected(Wire.bytes(String.format("%02x 000000", code)), "message", "", 0, "unknown message type " + code);
    }

    @Test
    void rejectsAnOptionHeaderCutShort() {
        assertRejected(Wire.bytes("07 123456 0001 00"), "REPLY", "", 4, "option header needs 4 bytes, 3 left");
    }

    @Test
    void rejectsAnOptionLengthOverrunningTheMessage() {
        assertRejected(Wire.bytes("07 123456 0017 0020 20010db8000000000000000000000053"), "REPLY", "", 6,
                "DNS_SERVERS says it has 32 bytes, only 16 follow");
    }

    @Test
    void rejectsATruncatedOptionAfterAGoodOne() {
        byte[] packet = reply(CLIENTID, "0002 0010 0002");
        assertRejected(packet, "REPLY", "", 20, "SERVERID says it has 16 bytes, only 2 follow");
    }

    @Test
    void rejectsADuplicateSingletonNamingIt() {
        assertRejected(reply(CLIENTID, option(3, "00000001 00000000 00000000"), CLIENTID), "REPLY", "", 34,
                "CLIENTID appears more than once");
    }

    @Test
    void allowsSeveralIdentityAssociationsOfEachKind() {
        String iaNa = option(3, "00000001 00000000 00000000");
        String iaPd = option(25, "00000002 00000000 00000000");
        String iaTa = option(4, "00000003");
        assertEquals(6, decode(reply(iaNa, iaPd, iaTa, iaNa, iaPd, iaTa)).options().size());
    }

    @Test
    void keepsEveryOptionOfALongListAndOfTheListsInsideItInOrder() {
        // More options than the decoder's stack of pending items first holds, among them
        // option lists, names and addresses that are gathered on the same stack.
        StringBuilder options = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            options.append(option(0xbe00 + i, Wire.u16(i))).append(' ');
            options.append(option(3, Wire.u32(i), "00000000 00000000",
                    option(5, "20010db8000000000000000000000001 00000000 00000000"),
                    option(5, "20010db8000000000000000000000002 00000000 00000000"),
                    option(5, "20010db8000000000000000000000003 00000000 00000000"))).append(' ');
        }
        options.append(option(24, "01 61 00 01 62 00 01 63 00"));
        byte[] packet = reply(options.toString());
        List<Option> decoded = decode(packet).options().list();
        assertEquals(41, decoded.size());
        for (int i = 0; i < 20; i++) {
            assertEquals(new RawOption(0xbe00 + i, Bytes.fromHex(Wire.u16(i))), decoded.get(2 * i));
            IaNa iaNa = (IaNa) decoded.get(2 * i + 1);
            assertEquals(i, iaNa.iaid());
            assertEquals(List.of(Wire.ip6("2001:db8::1"), Wire.ip6("2001:db8::2"), Wire.ip6("2001:db8::3")),
                    iaNa.addresses().stream().map(IaAddress::address).toList());
        }
        assertEquals(List.of(DomainName.of("a"), DomainName.of("b"), DomainName.of("c")), ((DomainList) decoded.get(40)).names());
        CodecAssertions.assertReencodesExactly(packet);
    }

    @Test
    void decodesAMessageWithoutOptions() {
        assertEquals(Options.NONE, decode(Wire.bytes("07 123456")).options());
    }

    @Test
    void decodesOptionsNested8Deep() {
        Option option = decode(nestedIaTas(8)).options().list().get(0);
        for (int level = 1; level < 8; level++) option = ((IaTa) option).options().list().get(0);
        assertEquals(new IaTa(1, Options.NONE), option);
    }

    @Test
    void rejectsOptionsNestedMoreThan8Deep() {
        assertRejected(nestedIaTas(9), "REPLY", String.join("/", Collections.nCopies(8, "IA_TA")), 68, "options nested more than 8 deep");
    }

    @Test
    void rejectsA64KibTowerOfNestedOptionsWithADecodeExceptionNotAStackOverflow() {
        // 8190 IA_TAs in one another make one option of 65520 bytes; decoding them overflowed
        // the stack before options were limited to 8 levels.
        assertRejected(nestedIaTas(8190), "REPLY", String.join("/", Collections.nCopies(8, "IA_TA")), 68, "options nested more than 8 deep");
    }

    @Test
    void countsOptionNestingAfreshInsideARelayedMessage() {
        // A relay's RELAY_MSG is one level; the relayed Reply gets 8 levels of its own.
        byte[] relayed = nestedIaTas(8);
        byte[] relay = Wire.bytes("0d 00 20010db8000100000000000000000001 fe800000000000000000000000000001 " + option(9, Wire.hex(relayed)));
        assertEquals(MessageType.RELAY_REPL, decode(relay).type());
    }

    @Test
    void keepsNoReferenceToThePacketBytes() {
        byte[] packet = reply(option(0xbeef, "01 02"), option(13, "0000 6f6b"));
        Message before = decode(packet);
        packet[8] = 0x7f; // the unknown option's data
        packet[17] = 0x7f; // the status message
        assertEquals(before, decode(reply(option(0xbeef, "01 02"), option(13, "0000 6f6b"))));
    }

    @Test
    void refusesToEncodeAnOptionLongerThan65535Bytes() {
        List<Option> addresses = new ArrayList<>();
        for (int i = 0; i < 2341; i++) addresses.add(new IaAddress(Wire.ip6("2001:db8::1"), 0, 0, Options.NONE));
        ClientServerMessage tooBig = new ClientServerMessage(MessageType.REPLY, 1, Options.of(new IaNa(1, 0, 0, Options.of(addresses))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Dhcp6Codec.encode(tooBig));
        assertEquals("option body of 65560 bytes is longer than 65535", e.getMessage());
    }
}
