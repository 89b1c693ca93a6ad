package org.prefixd.dhcp6.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.prefixd.api.InterfaceName;
import org.prefixd.api.Prefix;
import org.prefixd.dhcp6.codec.Bytes;
import org.prefixd.dhcp6.codec.ClientId;
import org.prefixd.dhcp6.codec.ClientServerMessage;
import org.prefixd.dhcp6.codec.Dhcp6Codec;
import org.prefixd.dhcp6.codec.Duid;
import org.prefixd.dhcp6.codec.IaNa;
import org.prefixd.dhcp6.codec.IaPd;
import org.prefixd.dhcp6.codec.InterfaceId;
import org.prefixd.dhcp6.codec.MessageType;
import org.prefixd.dhcp6.codec.Options;
import org.prefixd.dhcp6.codec.RawOption;
import org.prefixd.dhcp6.codec.RelayMessage;
import org.prefixd.dhcp6.codec.RelayMessageOption;
import org.prefixd.dhcp6.codec.StatusCode;

/** Messages relayed by agents on the LAN: the MAC from option 79, replies wrapped back, other links refused. */
class RelayTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Duid SERVER = new Duid.LinkLayer(1, Bytes.fromHex("020000000001"));
    private static final Duid UUID_CLIENT = new Duid.Uuid(UUID.fromString("6f1c3a4e-0000-4000-8000-00000000000a"));
    private static final LanView VIEW = new LanView(InterfaceName.of("lan0"), List.of(
            new LanView.Subnet(Prefix.parse("2001:db8:100::/64"), NOW.plusSeconds(1800), NOW.plusSeconds(3600), false)),
            List.of(new LanView.Pool(Prefix.parse("2001:db8:100::/56"), NOW.plusSeconds(1800), NOW.plusSeconds(3600), false, List.of(Prefix.parse("2001:db8:100::/64")))),
            List.of(), List.of());

    private static Inet6Address ip(String text) {
        try {
            return (Inet6Address) InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static LanServer server() {
        return new LanServer(new ServerSettings(ServerSettings.Mode.STATEFUL, ServerSettings.Assign.BY_MAC, Map.of(), true, Duration.ofHours(1),
                Optional.empty(), SERVER, OptionalInt.of(60)), new Bindings());
    }

    /** A lightweight relay's Relay-forward (RFC 6221: link-address ::) with the client's MAC (option 79) and an Interface-Id. */
    private static RelayMessage ldra(ClientServerMessage client, Inet6Address linkAddress) {
        return new RelayMessage(MessageType.RELAY_FORW, 0, linkAddress, ip("fe80::abcd"), Options.of(
                new InterfaceId(Bytes.of((byte) 'p', (byte) '7')), new RawOption(79, Bytes.fromHex("00015254001200aa")), new RelayMessageOption(client)));
    }

    private static ClientServerMessage solicit(boolean pd) {
        return new ClientServerMessage(MessageType.SOLICIT, 0x4242, pd
                ? Options.of(new ClientId(UUID_CLIENT), new org.prefixd.dhcp6.codec.RapidCommit(), new IaNa(1, 0, 0, Options.NONE), new IaPd(2, 0, 0, Options.NONE))
                : Options.of(new ClientId(UUID_CLIENT), new org.prefixd.dhcp6.codec.RapidCommit(), new IaNa(1, 0, 0, Options.NONE)));
    }

    @Test
    void aLightweightRelaysClientGetsItsMacAddressAndTheReplyGoesBackWrappedWithTheInterfaceId() throws Exception {
        RelayMessage forward = (RelayMessage) Dhcp6Codec.decode(Dhcp6Codec.encode(ldra(solicit(false), ip("::"))));
        RelayPath path = RelayPath.of(forward);
        assertEquals(Optional.of(MacAddress.parse("52:54:00:12:00:aa")), path.clientLinkLayer());
        LanServer.Answer answer = server().answerRelayed(path, VIEW, NOW);
        RelayMessage back = (RelayMessage) Dhcp6Codec.decode(Dhcp6Codec.encode(path.wrap(answer.reply().orElseThrow())));
        assertEquals(MessageType.RELAY_REPL, back.type());
        assertEquals(ip("fe80::abcd"), back.peerAddress());
        assertEquals(Bytes.of((byte) 'p', (byte) '7'), back.options().get(InterfaceId.class).orElseThrow().value());
        ClientServerMessage reply = (ClientServerMessage) back.relayed().orElseThrow();
        assertEquals(MessageType.REPLY, reply.type());
        assertEquals(ip("2001:db8:100::5254:12:aa"), reply.options().get(IaNa.class).orElseThrow().addresses().get(0).address(),
                "a DUID-UUID and a privacy link-local: the MAC is option 79's");
        assertEquals(LanLease.How.BY_MAC, answer.events().get(0).lease().how());
    }

    @Test
    void aRelayWhoseLinkIsInTheLansSubnetIsServedTwoRelaysDeepAndAnotherLinkIsNot() throws Exception {
        RelayMessage inner = ldra(solicit(false), ip("2001:db8:100::ffff"));
        RelayMessage outer = new RelayMessage(MessageType.RELAY_FORW, 1, ip("::"), ip("fe80::1"), Options.of(new RelayMessageOption(inner)));
        RelayPath path = RelayPath.of((RelayMessage) Dhcp6Codec.decode(Dhcp6Codec.encode(outer)));
        assertEquals(2, path.relays().size());
        LanServer.Answer answer = server().answerRelayed(path, VIEW, NOW);
        RelayMessage back = path.wrap(answer.reply().orElseThrow());
        assertEquals(1, back.hopCount());
        assertEquals(ip("2001:db8:100::ffff"), ((RelayMessage) back.relayed().orElseThrow()).linkAddress());

        LanServer.Answer elsewhere = server().answerRelayed(RelayPath.of(ldra(solicit(false), ip("2001:db8:999::1"))), VIEW, NOW);
        assertFalse(elsewhere.reply().isPresent());
        assertTrue(elsewhere.note().contains("not one of lan0's subnets"), elsewhere.note());
    }

    @Test
    void noDelegationThroughARelayAndNoRelayWithoutAMessage() {
        LanServer.Answer answer = server().answerRelayed(RelayPath.of(ldra(solicit(true), ip("::"))), VIEW, NOW);
        IaPd pd = answer.reply().orElseThrow().options().get(IaPd.class).orElseThrow();
        assertEquals(StatusCode.NO_PREFIX_AVAIL, pd.options().get(StatusCode.class).orElseThrow().status());
        assertEquals(List.of(), answer.delegations());
        assertFalse(answer.reply().orElseThrow().options().get(IaNa.class).orElseThrow().addresses().isEmpty(), "the address is served");
        assertThrows(IllegalArgumentException.class, () -> RelayPath.of(new RelayMessage(MessageType.RELAY_FORW, 0, ip("::"), ip("fe80::1"), Options.NONE)));
    }
}
