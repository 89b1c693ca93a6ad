package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertReencodesExactly;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertRejected;
import static org.prefixd.dhcp6.codec.CodecAssertions.decode;
import static org.prefixd.dhcp6.codec.Wire.ip6;
import static org.prefixd.dhcp6.codec.Wire.option;

import java.net.Inet6Address;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Relay-Forward and Relay-Reply (RFC 8415 §9): a 34-byte header, options from byte 34. */
class RelayMessageTest {
    private static final String LINK = "20010db8000100000000000000000001";
    private static final String PEER = "fe800000000000000200000000000001";
    /** A Solicit with a CLIENTID (DUID-LL) and an ELAPSED_TIME. */
    private static final String SOLICIT = "01 0a0b0c " + option(1, "0003 0001 020000000001") + " " + option(8, "0000");

    /** A Relay-Forward (hop count 0) around these options. */
    private static String relayForward(String... options) {
        return "0c 00 " + LINK + " " + PEER + " " + String.join(" ", options);
    }

    /** Relay-Forwards nested {@code depth} deep around {@code inner}, each with only a Relay Message option. */
    private static String nested(int depth, String inner) {
        String message = inner;
        for (int i = 0; i < depth; i++) message = relayForward(option(9, message));
        return message;
    }

    @Test
    void decodesARelayForwardHeader() {
        RelayMessage relay = (RelayMessage) decode(Wire.bytes(relayForward(option(9, SOLICIT))));
        assertEquals(new RelayMessage(MessageType.RELAY_FORW, 0, ip6("2001:db8:1::1"), ip6("fe80::200:0:0:1"), relay.options()), relay);
    }

    @Test
    void decodesTheRelayedSolicit() {
        RelayMessage relay = (RelayMessage) decode(Wire.bytes(relayForward(option(18, "65746830"), option(9, SOLICIT))));
        assertEquals(Optional.of(decode(Wire.bytes(SOLICIT))), relay.relayed());
    }

    @Test
    void reencodesARelayForwardByteExactly() {
        assertReencodesExactly(Wire.bytes(relayForward(option(18, "65746830"), option(37, "00000de9 0a0b"), option(9, SOLICIT))));
    }

    @Test
    void decodesARelayReplyWithTheHighestHopCount() {
        RelayMessage relay = (RelayMessage) decode(Wire.bytes("0d ff " + LINK + " " + PEER + " " + option(9, "07 0a0b0c")));
        assertEquals(255, relay.hopCount());
    }

    @Test
    void decodesARelayMessageWithoutARelayedMessage() {
        assertEquals(Optional.empty(), ((RelayMessage) decode(Wire.bytes(relayForward(option(18, "00"))))).relayed());
    }

    @Test
    void decodesThreeNestedRelays() {
        Message message = decode(Wire.bytes(nested(3, SOLICIT)));
        for (int level = 0; level < 3; level++) message = ((RelayMessage) message).relayed().orElseThrow();
        assertEquals(decode(Wire.bytes(SOLICIT)), message);
    }

    @Test
    void reencodesThreeNestedRelaysByteExactly() {
        assertReencodesExactly(Wire.bytes(nested(3, SOLICIT)));
    }

    @Test
    void decodesRelaysNested32Deep() {
        Message message = decode(Wire.bytes(nested(32, SOLICIT)));
        for (int level = 0; level < 32; level++) message = ((RelayMessage) message).relayed().orElseThrow();
        assertEquals(MessageType.SOLICIT, message.type());
    }

    @Test
    void rejectsRelaysNestedMoreThan32Deep() {
        // Each level is a 34-byte header and a 4-byte option header: the 34th message starts at 33 × 38.
        assertRejected(Wire.bytes(nested(33, SOLICIT)), "RELAY-FORW", String.join("/", Collections.nCopies(33, "RELAY_MSG")), 1254,
                "relay messages nested more than 32 deep");
    }

    @Test
    void rejectsARelayHeaderCutShort() {
        assertRejected(Wire.bytes("0c 00 " + LINK + " " + PEER.substring(2)), "RELAY-FORW", "", 1,
                "RELAY-FORW header needs 33 more bytes, got 32");
    }

    @Test
    void namesTheRelayedMessageInAnErrorInsideIt() {
        // The Solicit starts at 38, its IA_NA at 42, whose body (8 bytes only) at 46.
        assertRejected(Wire.bytes(relayForward(option(9, "01 0a0b0c", option(3, "00000001 00000000")))), "SOLICIT", "RELAY_MSG/IA_NA", 46,
                "IA_NA needs 12 bytes (IAID, T1, T2), got 8");
    }

    @Test
    void namesTheRelayAgainInAnErrorAfterTheRelayedMessage() {
        String relayMsg = option(9, SOLICIT);
        int after = 34 + Wire.bytes(relayMsg).length;
        assertRejected(Wire.bytes(relayForward(relayMsg, "0012 00")), "RELAY-FORW", "", after, "option header needs 4 bytes, 3 left");
    }

    @Test
    void decodesAnIpv4MappedPeerAddressAsAnIpv6Address() {
        // The fuzzer's first finding (crash-e6aaff8d...): a peer address ::ffff:96.255.255.255
        // came out as an Inet4Address and decoding failed with a ClassCastException.
        RelayMessage relay = (RelayMessage) decode(Wire.bytes("0c 00 " + LINK + " 00000000000000000000ffff60ffffff"));
        assertInstanceOf(Inet6Address.class, relay.peerAddress(), "the peer address of a relay message is an IPv6 address");
    }

    @Test
    void refusesAHopCountOver255() {
        assertThrows(IllegalArgumentException.class,
                () -> new RelayMessage(MessageType.RELAY_FORW, 256, ip6("::"), ip6("::"), Options.NONE));
    }

    @Test
    void refusesAClientMessageType() {
        assertThrows(IllegalArgumentException.class,
                () -> new RelayMessage(MessageType.SOLICIT, 0, ip6("::"), ip6("::"), Options.NONE));
    }
}
