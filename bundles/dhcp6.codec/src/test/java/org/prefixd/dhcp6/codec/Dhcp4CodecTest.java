package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class Dhcp4CodecTest {
    private static byte[] message(String header, String options) {
        return Wire.bytes(header + " " + options);
    }

    private static void assertRejected(byte[] packet, int offset, String problem) {
        DecodeException e = assertThrows(DecodeException.class, () -> Dhcp4Codec.decode(packet));
        assertEquals(problem, e.problem(), e.getMessage());
        assertEquals(offset, e.offset(), e.getMessage());
    }

    @Test
    void decodesAnOfferWithItsTypedOptions() throws Exception {
        Dhcp4Packet offer = Dhcp4Codec.decode(Dhcp4Wire.offer());
        assertEquals(Dhcp4MessageType.OFFER, offer.type());
        assertEquals(0x3903f326, offer.xid());
        assertEquals(InetAddress.getByName("192.0.2.100"), offer.yiaddr());
        assertEquals(Bytes.fromHex("02005e100001"), offer.hardwareAddress());
        Dhcp4Options o = offer.options();
        assertEquals(Optional.of(InetAddress.getByName("192.0.2.1")), o.address(Dhcp4Option.SERVER_ID));
        assertEquals(Optional.of(4000L), o.seconds(Dhcp4Option.LEASE_TIME));
        assertEquals(Optional.of(2000L), o.seconds(Dhcp4Option.RENEWAL_TIME));
        assertEquals(Optional.of(3450L), o.seconds(Dhcp4Option.REBINDING_TIME));
        assertEquals(Optional.of(InetAddress.getByName("255.255.255.0")), o.address(Dhcp4Option.SUBNET_MASK));
        assertEquals(List.of(InetAddress.getByName("192.0.2.53"), InetAddress.getByName("192.0.2.54")), o.addresses(Dhcp4Option.DNS_SERVERS));
        assertEquals(300 - 240 - Wire.bytes(Dhcp4Wire.OFFER_OPTIONS).length, offer.padding());
    }

    @Test
    void reencodesByteExactlyWithPadsAndPadding() throws Exception {
        byte[] withPads = message(Dhcp4Wire.replyHeader(), "00 35 01 05 00 00 2b 02 01 02 ff 00 00 00");
        assertArrayEquals(withPads, Dhcp4Codec.encode(Dhcp4Codec.decode(withPads)));
        assertArrayEquals(Dhcp4Wire.offer(), Dhcp4Codec.encode(Dhcp4Codec.decode(Dhcp4Wire.offer())));
    }

    @Test
    void encodesWhatItBuilds() throws Exception {
        Dhcp4Packet discover = new Dhcp4Packet(1, 1, 6, 0, 0x12345678, 0, 0, Dhcp4Codec.UNSPECIFIED, Dhcp4Codec.UNSPECIFIED,
                Dhcp4Codec.UNSPECIFIED, Dhcp4Codec.UNSPECIFIED, Bytes.fromHex(Dhcp4Wire.CHADDR), Bytes.of(new byte[64]), Bytes.of(new byte[128]),
                Dhcp4Options.of(Dhcp4Option.u8(Dhcp4Option.MESSAGE_TYPE, 1), Dhcp4Option.of(Dhcp4Option.PARAMETER_REQUEST_LIST, (byte) 1, (byte) 3)), 0);
        byte[] wire = Dhcp4Codec.encode(discover);
        assertEquals(240 + 3 + 4 + 1, wire.length);
        assertEquals(discover, Dhcp4Codec.decode(wire));
    }

    @Test
    void rejectsShortMessagesBadOpsAndNoCookie() {
        assertRejected(new byte[239], 0, "a DHCPv4 message has at least 240 bytes, got 239");
        byte[] badOp = Dhcp4Wire.offer();
        badOp[0] = 3;
        assertRejected(badOp, 0, "op 3 is neither BOOTREQUEST nor BOOTREPLY");
        byte[] longHlen = Dhcp4Wire.offer();
        longHlen[2] = 17;
        assertRejected(longHlen, 2, "hlen 17 is longer than chaddr's 16 bytes");
        byte[] noCookie = Dhcp4Wire.offer();
        noCookie[236] = 0;
        assertRejected(noCookie, 236, "no DHCP magic cookie (99.130.83.99)");
    }

    @Test
    void rejectsMissingEndTrailingBytesAndBootp() {
        assertRejected(message(Dhcp4Wire.replyHeader(), "35 01 02"), 243, "no End option");
        assertRejected(message(Dhcp4Wire.replyHeader(), "35 01 02 ff 00 07"), 245, "a non-zero byte after the End option");
        assertRejected(message(Dhcp4Wire.replyHeader(), "01 04 ffffff00 ff"), 240, "no DHCP Message Type option: a BOOTP message, not DHCP");
        assertRejected(message(Dhcp4Wire.replyHeader(), "35 01 02 2b 05 0102"), 245, "option 43 needs 5 bytes, 2 left");
    }

    @Test
    void rejectsMalformedKnownOptions() {
        assertRejected(message(Dhcp4Wire.replyHeader(), "35 01 09 ff"), 240, "DHCP Message Type: unknown message type 9");
        assertRejected(message(Dhcp4Wire.replyHeader(), "35 01 02 36 03 c00002 ff"), 243, "Server Identifier: length 3, not 4");
        assertRejected(message(Dhcp4Wire.replyHeader(), "35 01 02 03 06 c0000201 0000 ff"), 243, "Router: length 6 is not a positive multiple of 4");
        assertRejected(message(Dhcp4Wire.replyHeader(), "35 01 02 39 02 0100 ff"), 243, "Maximum DHCP Message Size: size 256 is below 576");
        assertRejected(message(Dhcp4Wire.replyHeader(), "35 01 02 34 01 04 ff"), 243, "Option Overload: value 4 is not 1, 2 or 3");
        assertRejected(message(Dhcp4Wire.replyHeader(), "35 01 02 35 01 05 ff"), 243, "DHCP Message Type appears more than once");
    }

    @Test
    void joinsRepeatedListOptionsAndSaysWhenFieldsHoldOptions() throws Exception {
        Dhcp4Packet p = Dhcp4Codec.decode(message(Dhcp4Wire.replyHeader(), "35 01 05 06 04 c0000235 06 04 c0000236 34 01 03 ff"));
        assertEquals(List.of(InetAddress.getByName("192.0.2.53"), InetAddress.getByName("192.0.2.54")), p.options().addresses(Dhcp4Option.DNS_SERVERS));
        assertEquals(3, p.options().overload());
    }

    @Test
    void refusesToBuildWhatItWouldReject() {
        assertThrows(IllegalArgumentException.class, () -> Dhcp4Options.of(Dhcp4Option.u8(Dhcp4Option.MESSAGE_TYPE, 1), Dhcp4Option.u8(Dhcp4Option.MESSAGE_TYPE, 3)));
        assertThrows(IllegalArgumentException.class, () -> Dhcp4Options.of(Dhcp4Option.u8(Dhcp4Option.SERVER_ID, 1)));
        assertThrows(IllegalArgumentException.class, () -> new Dhcp4Option(255, Bytes.EMPTY));
        assertTrue(Dhcp4Options.of().messageType().isEmpty());
    }
}
