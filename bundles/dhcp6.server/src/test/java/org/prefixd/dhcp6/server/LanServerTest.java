package org.prefixd.dhcp6.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.prefixd.api.InterfaceName;
import org.prefixd.api.Prefix;
import org.prefixd.dhcp6.codec.Bytes;
import org.prefixd.dhcp6.codec.ClientId;
import org.prefixd.dhcp6.codec.ClientServerMessage;
import org.prefixd.dhcp6.codec.Dhcp6Codec;
import org.prefixd.dhcp6.codec.DnsServers;
import org.prefixd.dhcp6.codec.DomainList;
import org.prefixd.dhcp6.codec.DomainName;
import org.prefixd.dhcp6.codec.Duid;
import org.prefixd.dhcp6.codec.IaAddress;
import org.prefixd.dhcp6.codec.IaNa;
import org.prefixd.dhcp6.codec.IaPd;
import org.prefixd.dhcp6.codec.MessageType;
import org.prefixd.dhcp6.codec.Option;
import org.prefixd.dhcp6.codec.OptionRequest;
import org.prefixd.dhcp6.codec.Options;
import org.prefixd.dhcp6.codec.RapidCommit;
import org.prefixd.dhcp6.codec.RawOption;
import org.prefixd.dhcp6.codec.ServerId;
import org.prefixd.dhcp6.codec.StatusCode;

class LanServerTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Duid SERVER = new Duid.LinkLayer(1, Bytes.fromHex("020000000001"));
    private static final Duid HOST = new Duid.LinkLayerPlusTime(1, 1000, Bytes.fromHex("52540012abcd"));
    private static final Inet6Address HOST_LL = ip("fe80::5054:ff:fe12:abcd"); // EUI-64 of 52:54:00:12:ab:cd
    private static final Duid OTHER_HOST = new Duid.LinkLayer(1, Bytes.fromHex("52540012abce"));
    private static final LanView VIEW = new LanView(InterfaceName.of("lan0"), List.of(
            new LanView.Subnet(Prefix.parse("2001:db8:100:1::/64"), NOW.plusSeconds(1800), NOW.plusSeconds(3600), false)),
            List.of(ip("2001:db8:100:1::1")), List.of("home.example"));

    private static Inet6Address ip(String text) {
        try {
            return (Inet6Address) InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static ServerSettings settings(ServerSettings.Mode mode, ServerSettings.Assign assign, Map<String, Long> reservations) {
        return new ServerSettings(mode, assign, reservations, true, Duration.ofHours(1), Optional.of("http://boot.example/{mac}"), SERVER);
    }

    private static LanServer server(ServerSettings.Assign assign) {
        return new LanServer(settings(ServerSettings.Mode.STATEFUL, assign, Map.of()), new Bindings());
    }

    private static ClientServerMessage message(MessageType type, Duid client, boolean toServer, Option... more) {
        List<Option> options = new ArrayList<>();
        options.add(new ClientId(client));
        if (toServer) options.add(new ServerId(SERVER));
        options.addAll(List.of(more));
        return new ClientServerMessage(type, 0x1234, Options.of(options));
    }

    private static IaNa ia(long iaid) {
        return new IaNa(iaid, 0, 0, Options.NONE);
    }

    /** The answer after a round trip through the codec, as a client would read it. */
    private static ClientServerMessage wire(LanServer.Answer a) throws Exception {
        assertTrue(a.reply().isPresent(), a.note());
        return (ClientServerMessage) Dhcp6Codec.decode(Dhcp6Codec.encode(a.reply().get()));
    }

    private static IaAddress onlyAddress(ClientServerMessage m) {
        List<IaAddress> addresses = m.options().get(IaNa.class).orElseThrow().addresses();
        assertEquals(1, addresses.size(), m.toString());
        return addresses.get(0);
    }

    @Test
    void byMacGivesThePrefixAndTheMacWithTheSubnetsLifetimesAndTheLansDns() throws Exception {
        LanServer server = server(ServerSettings.Assign.BY_MAC);
        ClientServerMessage advertise = wire(server.answer(message(MessageType.SOLICIT, HOST, false, ia(1)), HOST_LL, VIEW, NOW));
        assertEquals(MessageType.ADVERTISE, advertise.type());
        assertEquals(ip("2001:db8:100:1:0:5254:12:abcd"), onlyAddress(advertise).address());
        assertEquals(List.of(ip("2001:db8:100:1::1")), advertise.options().get(DnsServers.class).orElseThrow().addresses());
        assertEquals(List.of("home.example"), advertise.options().get(DomainList.class).orElseThrow().names().stream().map(DomainName::text).toList(),
                "the search list of the LAN's dns setting");
        assertEquals(0, server.bindings().boundCount(), "an Advertise binds nothing");

        LanServer.Answer request = server.answer(message(MessageType.REQUEST, HOST, true, ia(1)), HOST_LL, VIEW, NOW);
        ClientServerMessage reply = wire(request);
        IaAddress a = onlyAddress(reply);
        assertEquals(ip("2001:db8:100:1:0:5254:12:abcd"), a.address());
        assertEquals(1800, a.preferredLifetime(), "the subnet's preferred lifetime is shorter than the lease time");
        assertEquals(3600, a.validLifetime());
        assertEquals(900, reply.options().get(IaNa.class).orElseThrow().t1());
        assertEquals(1440, reply.options().get(IaNa.class).orElseThrow().t2());
        assertEquals(List.of(LanLeaseEvent.Kind.BOUND), request.events().stream().map(LanLeaseEvent::kind).toList());
        assertEquals(LanLease.How.BY_MAC, request.events().get(0).lease().how());

        LanServer.Answer renew = server.answer(message(MessageType.RENEW, HOST, true, ia(1)), HOST_LL, VIEW, NOW.plusSeconds(900));
        assertEquals(ip("2001:db8:100:1:0:5254:12:abcd"), onlyAddress(wire(renew)).address());
        assertEquals(LanLeaseEvent.Kind.RENEWED, renew.events().get(0).kind());
    }

    @Test
    void aWipedHostWithANewDuidGetsItsAddressBackAndTwoLiveClientsWithOneMacAreToldApart() throws Exception {
        LanServer server = server(ServerSettings.Assign.BY_MAC);
        server.answer(message(MessageType.REQUEST, HOST, true, ia(1)), HOST_LL, VIEW, NOW);
        Duid wiped = new Duid.Uuid(UUID.fromString("6f1c3a4e-0000-4000-8000-000000000001")); // no MAC in it: the link-local says it
        LanServer.Answer back = server.answer(message(MessageType.SOLICIT, wiped, false, ia(1), new RapidCommit()), HOST_LL, VIEW, NOW.plusSeconds(60));
        assertEquals(ip("2001:db8:100:1:0:5254:12:abcd"), onlyAddress(wire(back)).address(), back.note());
        assertEquals(List.of(LanLeaseEvent.Kind.EXPIRED, LanLeaseEvent.Kind.BOUND), back.events().stream().map(LanLeaseEvent::kind).toList());
        assertTrue(back.note().contains("came back with a new DUID"), back.note());

        // the former client was alive after all: its Renew finds no binding, its Request gets an address by DUID
        ClientServerMessage renew = wire(server.answer(message(MessageType.RENEW, HOST, true, ia(1)), HOST_LL, VIEW, NOW.plusSeconds(900)));
        assertEquals(StatusCode.NO_BINDING, renew.options().get(IaNa.class).orElseThrow().status().orElseThrow().status());
        LanServer.Answer again = server.answer(message(MessageType.REQUEST, HOST, true, ia(1)), HOST_LL, VIEW, NOW.plusSeconds(901));
        assertEquals(LanLease.How.BY_DUID, again.events().get(0).lease().how(), again.note());
        assertTrue(again.note().contains("claimed by two live clients"), again.note());
        // and the MAC is contested from then on: the wiped host keeps it, nobody takes it again
        LanServer.Answer third = server.answer(message(MessageType.REQUEST, HOST, true, ia(1)), HOST_LL, VIEW, NOW.plusSeconds(902));
        assertEquals(LanLease.How.BY_DUID, third.events().get(0).lease().how());
        assertEquals(2, server.bindings().boundCount());
    }

    @Test
    void aSecondClientWithTheSameMacFromAnotherAddressGetsAnAddressByDuidAndTheFirstKeepsItsOwn() throws Exception {
        LanServer server = server(ServerSettings.Assign.BY_MAC);
        server.answer(message(MessageType.REQUEST, HOST, true, ia(1)), HOST_LL, VIEW, NOW);
        Duid twin = new Duid.LinkLayer(1, Bytes.fromHex("52540012abcd")); // the same MAC in another DUID, from another link-local
        LanServer.Answer second = server.answer(message(MessageType.REQUEST, twin, true, ia(1)), ip("fe80::a8c1:12ff:fe00:1"), VIEW, NOW.plusSeconds(60));
        assertEquals(LanLease.How.BY_DUID, second.events().get(0).lease().how(), second.note());
        assertEquals(List.of(LanLeaseEvent.Kind.BOUND), second.events().stream().map(LanLeaseEvent::kind).toList(), "the first binding is not ended");
        assertTrue(second.note().contains("MAC 52:54:00:12:ab:cd is another client's, which spoke from fe80::5054:ff:fe12:abcd"), second.note());
        LanServer.Answer renew = server.answer(message(MessageType.RENEW, HOST, true, ia(1)), HOST_LL, VIEW, NOW.plusSeconds(900));
        assertEquals(ip("2001:db8:100:1:0:5254:12:abcd"), onlyAddress(wire(renew)).address(), "the first client keeps its address");
    }

    @Test
    void aMacThatIsAGroupAddressOrBelowTheReservedIdentifiersGivesAnAddressByDuid() throws Exception {
        LanServer server = server(ServerSettings.Assign.BY_MAC);
        Duid low = new Duid.LinkLayer(1, Bytes.fromHex("000000000001")); // would be the router's ::1
        LanServer.Answer a = server.answer(message(MessageType.REQUEST, low, true, ia(1)), ip("fe80::1:2"), VIEW, NOW);
        assertEquals(LanLease.How.BY_DUID, a.events().get(0).lease().how(), a.note());
        assertTrue(a.note().contains("MAC 00:00:00:00:00:01 is below 00:00:00:01:00:00"), a.note());
        Duid group = new Duid.LinkLayer(1, Bytes.fromHex("01005e000001"));
        LanServer.Answer b = server.answer(message(MessageType.REQUEST, group, true, ia(1)), ip("fe80::1:3"), VIEW, NOW);
        assertEquals(LanLease.How.BY_DUID, b.events().get(0).lease().how(), b.note());
        assertTrue(b.note().contains("is a group address"), b.note());
    }

    @Test
    void declinedIdentifiersAreRememberedBoundedOldestForgottenFirst() {
        Bindings bindings = new Bindings();
        for (long iid = 1; iid <= 10_000; iid++) bindings.decline(0x100000L + iid);
        assertFalse(bindings.declined(0x100001L), "the oldest is forgotten");
        assertTrue(bindings.declined(0x100000L + 10_000), "the newest is remembered");
        long remembered = 0;
        for (long iid = 1; iid <= 10_000; iid++) if (bindings.declined(0x100000L + iid)) remembered++;
        assertEquals(Bindings.MAX_REMEMBERED, remembered);
    }

    @Test
    void withoutAMacAByMacServerGivesAnAddressByDuidAndSaysSo() throws Exception {
        LanServer server = server(ServerSettings.Assign.BY_MAC);
        Duid uuid = new Duid.Uuid(UUID.fromString("6f1c3a4e-0000-4000-8000-000000000002"));
        LanServer.Answer a = server.answer(message(MessageType.REQUEST, uuid, true, ia(7)), ip("fe80::1234:5678:9abc:def0"), VIEW, NOW);
        long iid = a.events().get(0).lease().interfaceId();
        assertTrue(iid < 0, "the upper half of the identifiers: " + Long.toHexString(iid));
        assertEquals(iid, InterfaceIds.byDuid(uuid, 7, 0), "the same every time");
        assertTrue(a.note().contains("no MAC"), a.note());
    }

    @Test
    void reservationsWinAndAreNeverAnotherClients() throws Exception {
        LanServer server = new LanServer(settings(ServerSettings.Mode.STATEFUL, ServerSettings.Assign.BY_DUID, Map.of("52:54:00:12:ab:cd", 0x10L)), new Bindings());
        LanServer.Answer a = server.answer(message(MessageType.REQUEST, HOST, true, ia(1)), HOST_LL, VIEW, NOW);
        assertEquals(ip("2001:db8:100:1::10"), onlyAddress(wire(a)).address());
        assertEquals(LanLease.How.RESERVED, a.events().get(0).lease().how());
    }

    @Test
    void statelessAnswersInformationRequestsAndNoAddresses() throws Exception {
        LanServer server = new LanServer(settings(ServerSettings.Mode.STATELESS, ServerSettings.Assign.BY_MAC, Map.of()), new Bindings());
        ClientServerMessage info = wire(server.answer(new ClientServerMessage(MessageType.INFORMATION_REQUEST, 7,
                Options.of(new ClientId(HOST), OptionRequest.of(23, 24, 59))), HOST_LL, VIEW, NOW));
        assertEquals(MessageType.REPLY, info.type());
        assertEquals(List.of(ip("2001:db8:100:1::1")), info.options().get(DnsServers.class).orElseThrow().addresses());
        assertEquals("http://boot.example/52:54:00:12:ab:cd", new String(info.options().all(RawOption.class).stream()
                .filter(r -> r.code() == LanServer.BOOTFILE_URL).findFirst().orElseThrow().data().toArray(), java.nio.charset.StandardCharsets.US_ASCII));
        ClientServerMessage advertise = wire(server.answer(message(MessageType.SOLICIT, HOST, false, ia(1)), HOST_LL, VIEW, NOW));
        assertEquals(StatusCode.NO_ADDRS_AVAIL, advertise.options().get(IaNa.class).orElseThrow().status().orElseThrow().status());
    }

    @Test
    void aDeprecatedSubnetsAddressIsPreferredForNoTimeAndANewOneIsAdded() throws Exception {
        LanServer server = server(ServerSettings.Assign.BY_MAC);
        LanView renumbered = new LanView(InterfaceName.of("lan0"), List.of(
                new LanView.Subnet(Prefix.parse("2001:db8:100:1::/64"), NOW, NOW.plusSeconds(600), true),
                new LanView.Subnet(Prefix.parse("2001:db8:200:1::/64"), NOW.plusSeconds(1800), NOW.plusSeconds(3600), false)), List.of(), List.of());
        ClientServerMessage reply = wire(server.answer(message(MessageType.REQUEST, HOST, true, ia(1)), HOST_LL, renumbered, NOW));
        List<IaAddress> addresses = reply.options().get(IaNa.class).orElseThrow().addresses();
        assertEquals(ip("2001:db8:100:1:0:5254:12:abcd"), addresses.get(0).address());
        assertEquals(0, addresses.get(0).preferredLifetime());
        assertEquals(600, addresses.get(0).validLifetime());
        assertEquals(ip("2001:db8:200:1:0:5254:12:abcd"), addresses.get(1).address(), "the same host part in the new prefix");
        assertEquals(1800, addresses.get(1).preferredLifetime());
    }

    @Test
    void releaseDeclineConfirmAndWhatIsDropped() throws Exception {
        LanServer server = server(ServerSettings.Assign.BY_MAC);
        server.answer(message(MessageType.REQUEST, HOST, true, ia(1)), HOST_LL, VIEW, NOW);
        ClientServerMessage confirm = wire(server.answer(message(MessageType.CONFIRM, HOST, false, new IaNa(1, 0, 0,
                Options.of(new IaAddress(ip("2001:db8:999::1"), 0, 0, Options.NONE)))), HOST_LL, VIEW, NOW));
        assertEquals(StatusCode.NOT_ON_LINK, confirm.options().get(StatusCode.class).orElseThrow().status());
        LanServer.Answer decline = server.answer(message(MessageType.DECLINE, HOST, true, ia(1)), HOST_LL, VIEW, NOW);
        assertEquals(LanLeaseEvent.Kind.DECLINED, decline.events().get(0).kind());
        LanServer.Answer after = server.answer(message(MessageType.REQUEST, HOST, true, ia(1)), HOST_LL, VIEW, NOW);
        assertEquals(LanLease.How.BY_DUID, after.events().get(0).lease().how(), "a declined address is never given again");
        LanServer.Answer release = server.answer(message(MessageType.RELEASE, HOST, true, ia(1)), HOST_LL, VIEW, NOW);
        assertEquals(LanLeaseEvent.Kind.RELEASED, release.events().get(0).kind());
        assertEquals(0, server.bindings().boundCount());

        assertFalse(server.answer(message(MessageType.REQUEST, HOST, false, ia(1)), HOST_LL, VIEW, NOW).reply().isPresent(), "no Server Identifier");
        assertFalse(server.answer(message(MessageType.SOLICIT, HOST, true, ia(1)), HOST_LL, VIEW, NOW).reply().isPresent(), "a Solicit with one");
        assertFalse(server.answer(new ClientServerMessage(MessageType.SOLICIT, 1, Options.of(ia(1))), HOST_LL, VIEW, NOW).reply().isPresent());
        assertFalse(server.answer(message(MessageType.REPLY, HOST, true), HOST_LL, VIEW, NOW).reply().isPresent());
        ClientServerMessage pd = wire(server.answer(message(MessageType.SOLICIT, HOST, false, new IaPd(3, 0, 0, Options.NONE)), HOST_LL, VIEW, NOW));
        assertEquals(StatusCode.NO_PREFIX_AVAIL, pd.options().get(IaPd.class).orElseThrow().status().orElseThrow().status());
    }

    @Test
    void aFloodOfSolicitsFromRandomDuidsKeepsAtMostTheOfferBoundAndBindsNothing() {
        LanServer server = server(ServerSettings.Assign.BY_MAC);
        for (int i = 0; i < 10_000; i++) {
            Duid random = new Duid.Uuid(new UUID(i, i * 31L));
            server.answer(message(MessageType.SOLICIT, random, false, ia(1)), ip("fe80::1:" + Integer.toHexString(i)), VIEW, NOW);
        }
        assertEquals(Bindings.MAX_OFFERED, server.bindings().offeredCount());
        assertEquals(0, server.bindings().boundCount());
        assertTrue(server.bindings().offered(LanLease.key(new Duid.Uuid(new UUID(0, 0)), 1)).isEmpty(), "the oldest offers went first");
        assertTrue(server.bindings().offered(LanLease.key(new Duid.Uuid(new UUID(9_999, 9_999 * 31L)), 1)).isPresent(), "the newest is kept");
    }

    @Test
    void rapidCommitOnlyWhenTheClientAsksAndTheLanAllowsIt() throws Exception {
        LanServer allows = server(ServerSettings.Assign.BY_MAC);
        ClientServerMessage rapid = wire(allows.answer(message(MessageType.SOLICIT, HOST, false, ia(1), new RapidCommit()), HOST_LL, VIEW, NOW));
        assertEquals(MessageType.REPLY, rapid.type());
        assertTrue(rapid.options().get(RapidCommit.class).isPresent());
        assertEquals(1, allows.bindings().boundCount());
        assertEquals(MessageType.ADVERTISE, wire(allows.answer(message(MessageType.SOLICIT, OTHER_HOST, false, ia(1)), ip("fe80::1:5"), VIEW, NOW)).type(),
                "not asked for: a 4-way exchange");

        LanServer refuses = new LanServer(new ServerSettings(ServerSettings.Mode.STATEFUL, ServerSettings.Assign.BY_MAC, Map.of(), false, Duration.ofHours(1),
                Optional.empty(), SERVER), new Bindings());
        ClientServerMessage advertise = wire(refuses.answer(message(MessageType.SOLICIT, HOST, false, ia(1), new RapidCommit()), HOST_LL, VIEW, NOW));
        assertEquals(MessageType.ADVERTISE, advertise.type(), "dhcpv6.rapid.commit = false");
        assertFalse(advertise.options().get(RapidCommit.class).isPresent());
        assertEquals(0, refuses.bindings().boundCount());
    }

    @Test
    void leasesExpireAtTheirValidTime() {
        LanServer server = server(ServerSettings.Assign.BY_MAC);
        server.answer(message(MessageType.REQUEST, HOST, true, ia(1)), HOST_LL, VIEW, NOW);
        assertEquals(List.of(), server.expire(NOW.plusSeconds(3599)));
        assertEquals(LanLeaseEvent.Kind.EXPIRED, server.expire(NOW.plusSeconds(3600)).get(0).kind());
        assertEquals(0, server.bindings().boundCount());
    }

    @Test
    void aReservedNameGoesToAClientThatSendsAClientFqdnOption() throws Exception {
        LanServer server = new LanServer(new ServerSettings(ServerSettings.Mode.STATEFUL, ServerSettings.Assign.BY_MAC, Map.of(), true, Duration.ofHours(1),
                Optional.empty(), SERVER, java.util.OptionalInt.empty(), Map.of("52:54:00:12:ab:cd", "printer")), new Bindings());
        var asked = new org.prefixd.dhcp6.codec.ClientFqdn(org.prefixd.dhcp6.codec.ClientFqdn.FLAG_S, new org.prefixd.dhcp6.codec.DomainName(List.of("whatever"), false));
        ClientServerMessage reply = wire(server.answer(message(MessageType.REQUEST, HOST, true, ia(1), asked), HOST_LL, VIEW, NOW));
        var given = reply.options().get(org.prefixd.dhcp6.codec.ClientFqdn.class).orElseThrow();
        assertEquals("printer", ((org.prefixd.dhcp6.codec.DomainName) given.name()).text());
        assertEquals(org.prefixd.dhcp6.codec.ClientFqdn.FLAG_N | org.prefixd.dhcp6.codec.ClientFqdn.FLAG_O, given.flags(), "no DNS update by the server, the client's S overridden");
        assertFalse(wire(server.answer(message(MessageType.REQUEST, HOST, true, ia(1)), HOST_LL, VIEW, NOW)).options().get(org.prefixd.dhcp6.codec.ClientFqdn.class).isPresent(),
                "not sent to a client that did not send the option");
    }

    @Test
    void aBindingLastsNoLongerThanItsAddresses() {
        LanView shortLived = new LanView(InterfaceName.of("lan0"), List.of(
                new LanView.Subnet(Prefix.parse("2001:db8:100:1::/64"), NOW.plusSeconds(600), NOW.plusSeconds(1200), false)), List.of(), List.of());
        LanServer.Answer bound = server(ServerSettings.Assign.BY_MAC).answer(message(MessageType.REQUEST, HOST, true, ia(1)), HOST_LL, shortLived, NOW);
        assertEquals(NOW.plusSeconds(1200), bound.events().get(0).lease().validUntil(), "the subnet's 1200 s, not the lease time's 3600");
    }
}
