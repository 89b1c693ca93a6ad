package org.prefixd.dhcp6.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

import org.junit.jupiter.api.Test;
import org.prefixd.api.InterfaceName;
import org.prefixd.api.Prefix;
import org.prefixd.dhcp6.codec.Bytes;
import org.prefixd.dhcp6.codec.ClientId;
import org.prefixd.dhcp6.codec.ClientServerMessage;
import org.prefixd.dhcp6.codec.Dhcp6Codec;
import org.prefixd.dhcp6.codec.Duid;
import org.prefixd.dhcp6.codec.IaPd;
import org.prefixd.dhcp6.codec.IaPrefix;
import org.prefixd.dhcp6.codec.MessageType;
import org.prefixd.dhcp6.codec.Option;
import org.prefixd.dhcp6.codec.Options;
import org.prefixd.dhcp6.codec.RapidCommit;
import org.prefixd.dhcp6.codec.ServerId;
import org.prefixd.dhcp6.codec.StatusCode;

/** IA_PD for routers on the LAN: sub-prefixes of the delegated prefixes, clear of every LAN subnet and of each other. */
class DelegationTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Duid SERVER = new Duid.LinkLayer(1, Bytes.fromHex("020000000001"));
    private static final Duid ROUTER = new Duid.LinkLayer(1, Bytes.fromHex("5254001200aa"));
    private static final Duid OTHER = new Duid.LinkLayer(1, Bytes.fromHex("5254001200bb"));
    private static final Inet6Address ROUTER_LL = ip("fe80::5054:ff:fe12:aa");
    private static final Prefix P56 = Prefix.parse("2001:db8:100::/56");
    private static final Prefix Q56 = Prefix.parse("2001:db8:200::/56");

    private static Inet6Address ip(String text) {
        try {
            return (Inet6Address) InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** lan0 has 2001:db8:100::/64 (subnet 0 of the /56), lan1 has :1::/64; the server excludes :f0::/60 when asked. */
    private static LanView view(boolean deprecated, Prefix delegated, Prefix... taken) {
        List<Prefix> all = new java.util.ArrayList<>(List.of(sub(delegated, "::/64"), sub(delegated, ":0:1::/64")));
        all.addAll(List.of(taken));
        return new LanView(InterfaceName.of("lan0"), List.of(new LanView.Subnet(sub(delegated, "::/64"), NOW.plusSeconds(1800), NOW.plusSeconds(3600), deprecated)),
                List.of(new LanView.Pool(delegated, NOW.plusSeconds(1800), NOW.plusSeconds(3600), deprecated, all)), List.of(), List.of());
    }

    private static Prefix sub(Prefix delegated, String tail) {
        String net = org.prefixd.api.Ipv6Text.format(delegated.network());
        return Prefix.parse(net.substring(0, net.length() - 2) + tail);
    }

    private static LanServer server(int delegate) {
        return new LanServer(new ServerSettings(ServerSettings.Mode.STATELESS, ServerSettings.Assign.BY_MAC, Map.of(), true, Duration.ofMinutes(30),
                Optional.empty(), SERVER, delegate == 0 ? OptionalInt.empty() : OptionalInt.of(delegate)), new Bindings());
    }

    private static ClientServerMessage message(MessageType type, Duid client, Option... more) {
        List<Option> options = new java.util.ArrayList<>();
        options.add(new ClientId(client));
        if (type != MessageType.SOLICIT && type != MessageType.REBIND) options.add(new ServerId(SERVER));
        options.addAll(List.of(more));
        return new ClientServerMessage(type, 0x77, Options.of(options));
    }

    private static IaPd pd(long iaid, IaPrefix... hints) {
        return new IaPd(iaid, 0, 0, Options.of(List.of(hints)));
    }

    private static IaPd wirePd(LanServer.Answer a) throws Exception {
        assertTrue(a.reply().isPresent(), a.note());
        ClientServerMessage m = (ClientServerMessage) Dhcp6Codec.decode(Dhcp6Codec.encode(a.reply().get()));
        return m.options().get(IaPd.class).orElseThrow();
    }

    private static List<String> prefixes(IaPd pd) {
        return pd.prefixes().stream().map(p -> new Prefix(p.prefix(), p.prefixLength()) + " " + p.preferredLifetime() + "/" + p.validLifetime()).toList();
    }

    @Test
    void aRouterGetsTheLowestFreeSubPrefixRoutedViaItsLinkLocalAndTheSameAfterRenumberingBack() throws Exception {
        LanServer server = server(60);
        IaPd offered = wirePd(server.answer(message(MessageType.SOLICIT, ROUTER, pd(1)), ROUTER_LL, view(false, P56), NOW));
        assertEquals(List.of("2001:db8:100:10::/60 1800/1800"), prefixes(offered), "sub-prefix 0 holds the LANs' /64s: the next /60");
        assertEquals(0, server.delegations().all().size(), "an offer binds nothing");

        LanServer.Answer bound = server.answer(message(MessageType.REQUEST, ROUTER, pd(1)), ROUTER_LL, view(false, P56), NOW);
        assertEquals(List.of("2001:db8:100:10::/60 1800/1800"), prefixes(wirePd(bound)));
        assertEquals(900, wirePd(bound).t1());
        DelegationEvent event = bound.delegations().get(0);
        assertEquals(LanLeaseEvent.Kind.BOUND, event.kind());
        assertEquals(ROUTER_LL, event.delegation().via());
        assertEquals(List.of(P56.toString().replace("::/56", ":10::/60")), event.delegation().given().stream().map(Prefix::toString).toList());

        // renumbered: the same number in the new prefix; the old one is given with lifetimes 0
        LanServer.Answer moved = server.answer(message(MessageType.RENEW, ROUTER, pd(1)), ROUTER_LL, view(false, Q56), NOW.plusSeconds(900));
        assertEquals(List.of("2001:db8:200:10::/60 900/1800", "2001:db8:100:10::/60 0/0"), prefixes(wirePd(moved)));
        assertEquals(List.of(Prefix.parse("2001:db8:100:10::/60")), moved.delegations().get(0).before().orElseThrow().given(), "the old route goes");
        // and back
        LanServer.Answer back = server.answer(message(MessageType.RENEW, ROUTER, pd(1)), ROUTER_LL, view(false, P56), NOW.plusSeconds(1000));
        assertEquals("2001:db8:100:10::/60 800/1800", prefixes(wirePd(back)).get(0));

        // released, then back: the same number again
        LanServer.Answer released = server.answer(message(MessageType.RELEASE, ROUTER, pd(1)), ROUTER_LL, view(false, P56), NOW.plusSeconds(1001));
        assertTrue(released.delegations().get(0).ends());
        assertEquals(0, server.delegations().all().size());
        IaPd again = wirePd(server.answer(message(MessageType.SOLICIT, ROUTER, pd(1), new RapidCommit()), ROUTER_LL, view(false, P56), NOW.plusSeconds(1002)));
        assertEquals("2001:db8:100:10::/60 798/1800", prefixes(again).get(0));
    }

    @Test
    void twoRoutersNeverShareAndNothingOverlapsTakenPrefixesOrAnotherLansDelegation() throws Exception {
        LanServer server = server(60);
        Prefix otherLans = Prefix.parse("2001:db8:100:10::/60");
        Prefix excluded = Prefix.parse("2001:db8:100:20::/64");
        LanView view = view(false, P56, otherLans, excluded);
        LanServer.Answer first = server.answer(message(MessageType.REQUEST, ROUTER, pd(1)), ROUTER_LL, view, NOW);
        assertEquals("2001:db8:100:30::/60 1800/1800", prefixes(wirePd(first)).get(0), "0: the LANs, 1: another LAN's router, 2: holds the excluded /64");
        LanServer.Answer second = server.answer(message(MessageType.REQUEST, OTHER, pd(1)), ip("fe80::bb"), view, NOW);
        assertEquals("2001:db8:100:40::/60 1800/1800", prefixes(wirePd(second)).get(0), "not the first router's");
        // a hint for a free one is honoured; for a taken one, the lowest free instead
        Duid third = new Duid.LinkLayer(1, Bytes.fromHex("5254001200cc"));
        IaPd hinted = wirePd(server.answer(message(MessageType.REQUEST, third, pd(1, new IaPrefix(0, 0, 60, ip("2001:db8:100:80::"), Options.NONE))), ip("fe80::cc"), view, NOW));
        assertEquals("2001:db8:100:80::/60 1800/1800", prefixes(hinted).get(0));
        Duid fourth = new Duid.LinkLayer(1, Bytes.fromHex("5254001200dd"));
        IaPd refused = wirePd(server.answer(message(MessageType.REQUEST, fourth, pd(1, new IaPrefix(0, 0, 60, ip("2001:db8:100:80::"), Options.NONE))), ip("fe80::dd"), view, NOW));
        assertEquals("2001:db8:100:50::/60 1800/1800", prefixes(refused).get(0));
    }

    @Test
    void noDelegationConfiguredNoSpaceAndRenewsOfUnknownBindingsAreRefusedWithTheirStatus() throws Exception {
        IaPd off = wirePd(server(0).answer(message(MessageType.SOLICIT, ROUTER, pd(1)), ROUTER_LL, view(false, P56), NOW));
        assertEquals(StatusCode.NO_PREFIX_AVAIL, off.options().get(StatusCode.class).orElseThrow().status());
        // a /56 cannot be delegated out of a /56
        IaPd tooLong = wirePd(server(56).answer(message(MessageType.REQUEST, ROUTER, pd(1)), ROUTER_LL, view(false, P56), NOW));
        assertEquals(StatusCode.NO_PREFIX_AVAIL, tooLong.options().get(StatusCode.class).orElseThrow().status());
        // /57: two halves, the lower holds the LANs; the first router gets the upper, the second none
        LanServer halves = server(57);
        assertEquals("2001:db8:100:80::/57 1800/1800", prefixes(wirePd(halves.answer(message(MessageType.REQUEST, ROUTER, pd(1)), ROUTER_LL, view(false, P56), NOW))).get(0));
        LanServer.Answer full = halves.answer(message(MessageType.REQUEST, OTHER, pd(1)), ip("fe80::bb"), view(false, P56), NOW);
        assertEquals(StatusCode.NO_PREFIX_AVAIL, wirePd(full).options().get(StatusCode.class).orElseThrow().status());
        assertTrue(full.note().contains("no free /57"), full.note());
        IaPd unknown = wirePd(server(60).answer(message(MessageType.RENEW, ROUTER, pd(1)), ROUTER_LL, view(false, P56), NOW));
        assertEquals(StatusCode.NO_BINDING, unknown.options().get(StatusCode.class).orElseThrow().status());
    }

    /** The WAN prefix went (its LAN subnets deprecated, or gone altogether): the router's sub-prefix of it is withdrawn, not run down. */
    @Test
    void aPrefixWhoseWanPrefixWentIsWithdrawnAndGivenWithLifetimesZero() throws Exception {
        LanServer server = server(62);
        server.answer(message(MessageType.REQUEST, ROUTER, pd(1)), ROUTER_LL, view(false, P56), NOW);
        Delegation bound = server.delegations().all().iterator().next();
        assertEquals(List.of(), LanServer.withdrawn(bound, view(false, P56), NOW));
        assertEquals(List.of(Prefix.parse("2001:db8:100:4::/62")), LanServer.withdrawn(bound, view(true, P56), NOW.plusSeconds(30)),
                "the component takes its route away at once");
        LanView between = new LanView(InterfaceName.of("lan0"), List.of(), List.of(), List.of(), List.of());
        assertEquals(List.of(), LanServer.withdrawn(bound, between, NOW.plusSeconds(30)), "no pool at all (the distributor updated): not withdrawn");
        LanServer.Answer deprecated = server.answer(message(MessageType.RENEW, ROUTER, pd(1)), ROUTER_LL, view(true, P56), NOW.plusSeconds(60));
        assertEquals(List.of("2001:db8:100:4::/62 0/0"), prefixes(wirePd(deprecated)));
        assertTrue(deprecated.delegations().get(0).ends(), "its route goes");
        assertEquals(0, server.delegations().all().size());

        server.answer(message(MessageType.REQUEST, ROUTER, pd(1)), ROUTER_LL, view(false, P56), NOW.plusSeconds(90));
        LanView none = new LanView(InterfaceName.of("lan0"), List.of(), List.of(), List.of(), List.of());
        LanServer.Answer gone = server.answer(message(MessageType.RENEW, ROUTER, pd(1)), ROUTER_LL, none, NOW.plusSeconds(120));
        assertEquals(List.of("2001:db8:100:4::/62 0/0"), prefixes(wirePd(gone)));
        assertTrue(gone.delegations().get(0).ends(), "its route goes");
        assertEquals(0, server.delegations().all().size());
    }

    @Test
    void delegationsExpireAndAreKeptInTheLeaseFile() throws Exception {
        LanServer server = server(60);
        server.answer(message(MessageType.REQUEST, ROUTER, pd(1)), ROUTER_LL, view(false, P56), NOW);
        List<Delegation> all = List.copyOf(server.delegations().all());
        String json = LanLeaseFile.toJson(List.of(), all);
        assertEquals(all, LanLeaseFile.storedFromJson(json).delegations());
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LanLeaseFile.storedFromJson(json.replace("fe80::5054:ff:fe12:aa", "2001:db8::1"))).getMessage().contains("not link-local"));
        assertEquals(List.of(), server.expireDelegations(NOW.plusSeconds(1799)));
        List<DelegationEvent> expired = server.expireDelegations(NOW.plusSeconds(1800));
        assertEquals(LanLeaseEvent.Kind.EXPIRED, expired.get(0).kind());
        assertEquals(0, server.delegations().all().size());
    }

    /** A router that released its prefix comes back after a restart (the lease file read anew) and gets the same number, not the lowest free. */
    @Test
    void aFormerRoutersNumberOutlivesARestartThroughTheLeaseFile() throws Exception {
        LanServer before = server(60);
        before.answer(message(MessageType.REQUEST, ROUTER, pd(1)), ROUTER_LL, view(false, P56), NOW);
        before.answer(message(MessageType.REQUEST, OTHER, pd(1)), ip("fe80::bb"), view(false, P56), NOW);
        long othersNumber = before.delegations().bound(LanLease.key(OTHER, 1)).orElseThrow().index();
        before.answer(message(MessageType.RELEASE, ROUTER, pd(1)), ROUTER_LL, view(false, P56), NOW.plusSeconds(10));
        before.answer(message(MessageType.RELEASE, OTHER, pd(1)), ip("fe80::bb"), view(false, P56), NOW.plusSeconds(10));
        assertEquals(0, before.delegations().all().size());

        String json = LanLeaseFile.toJson(List.of(), before.delegations().all(), before.delegations().formers());
        LanLeaseFile.Stored stored = LanLeaseFile.storedFromJson(json);
        assertEquals(Map.of(LanLease.key(ROUTER, 1), 1L, LanLease.key(OTHER, 1), othersNumber), stored.formers());
        Delegations delegations = new Delegations();
        for (var f : stored.formers().entrySet()) delegations.remember(f.getKey(), f.getValue());
        LanServer after = new LanServer(new ServerSettings(ServerSettings.Mode.STATELESS, ServerSettings.Assign.BY_MAC, Map.of(), true, Duration.ofMinutes(30),
                Optional.empty(), SERVER, OptionalInt.of(60)), new Bindings(), delegations);
        after.answer(message(MessageType.SOLICIT, OTHER, pd(1), new RapidCommit()), ip("fe80::bb"), view(false, P56), NOW.plusSeconds(60));
        assertEquals(othersNumber, after.delegations().bound(LanLease.key(OTHER, 1)).orElseThrow().index(), "its former number, not the lowest free");

        assertThrows(IllegalArgumentException.class, () -> LanLeaseFile.storedFromJson(json.replace("\"index\":" + othersNumber + "}", "\"index\":-1}")));
        assertThrows(IllegalArgumentException.class, () -> LanLeaseFile.storedFromJson(json.replace("/1\"", "/x\"")));
    }
}
