package org.prefixd.dhcp6.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.prefixd.api.ReceivedOption;
import org.prefixd.dhcp6.codec.Bytes;
import org.prefixd.dhcp6.codec.Dhcp4Codec;
import org.prefixd.dhcp6.codec.Dhcp4MessageType;
import org.prefixd.dhcp6.codec.Dhcp4Option;
import org.prefixd.dhcp6.codec.Dhcp4Options;
import org.prefixd.dhcp6.codec.Dhcp4Packet;
import org.prefixd.dhcp6.codec.Duid;

/** The DHCPv4 client's state machine on a virtual clock: every time is an Instant the test chooses. */
class Dhcp4SessionTest {
    private static final Instant T0 = Instant.parse("2026-12-04T00:00:00Z");
    private static final Bytes MAC = Bytes.fromHex("02005e100001");
    private static final Inet4Address SERVER = ip("192.0.2.1");
    private static final Inet4Address ADDRESS = ip("192.0.2.100");
    private static final Bytes CLIENT_ID = Dhcp4Settings.clientId(1, Duid.fromHex("00030001" + "02005e100001"));

    private final AtomicInteger xids = new AtomicInteger(0x1000);
    private final Dhcp4Session session = new Dhcp4Session(new Dhcp4Settings(CLIENT_ID, 1, MAC, List.of(43, 121)), () -> 0.5, xids::incrementAndGet);

    private static Inet4Address ip(String text) {
        try {
            return (Inet4Address) InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static Dhcp4Packet reply(Dhcp4Packet to, Dhcp4MessageType type, Inet4Address yiaddr, Dhcp4Option... options) {
        List<Dhcp4Option> all = new ArrayList<>();
        all.add(Dhcp4Option.u8(Dhcp4Option.MESSAGE_TYPE, type.code()));
        all.addAll(List.of(options));
        return new Dhcp4Packet(Dhcp4Packet.BOOTREPLY, 1, 6, 0, to.xid(), 0, 0, Dhcp4Codec.UNSPECIFIED, yiaddr, Dhcp4Codec.UNSPECIFIED,
                Dhcp4Codec.UNSPECIFIED, to.chaddr(), to.sname(), to.file(), Dhcp4Options.of(all), 0);
    }

    private static Dhcp4Option address(int code, Inet4Address a) {
        return Dhcp4Option.u32(code, Dhcp4Session.toLong(a));
    }

    /** An OFFER or ACK as Kea gives one: 4000 s, T1 1000 s, T2 2000 s, /24, a router, a DNS server, option 43. */
    private static Dhcp4Packet offerOrAck(Dhcp4Packet to, Dhcp4MessageType type) {
        return reply(to, type, ADDRESS, address(Dhcp4Option.SERVER_ID, SERVER), Dhcp4Option.u32(Dhcp4Option.LEASE_TIME, 4000),
                Dhcp4Option.u32(Dhcp4Option.RENEWAL_TIME, 1000), Dhcp4Option.u32(Dhcp4Option.REBINDING_TIME, 2000),
                address(Dhcp4Option.SUBNET_MASK, ip("255.255.255.0")), address(Dhcp4Option.ROUTER, SERVER),
                address(Dhcp4Option.DNS_SERVERS, ip("192.0.2.53")), Dhcp4Option.of(43, (byte) 1, (byte) 2));
    }

    private static Dhcp4Packet only(Dhcp4Session.Step step) {
        assertEquals(1, step.send().size(), step.toString());
        return step.send().get(0).packet();
    }

    private Lease4 bind() {
        Dhcp4Packet discover = only(session.start(T0, Optional.empty(), Session.Resume.PROCESS_STARTED));
        Dhcp4Packet request = only(session.received(offerOrAck(discover, Dhcp4MessageType.OFFER), T0));
        Dhcp4Session.Step bound = session.received(offerOrAck(request, Dhcp4MessageType.ACK), T0);
        assertEquals(Lease4Event.Kind.BOUND, bound.event().orElseThrow().kind());
        return bound.event().get().lease();
    }

    @Test
    void discoversRequestsTheOfferAndBinds() {
        Dhcp4Session.Step first = session.start(T0, Optional.empty(), Session.Resume.PROCESS_STARTED);
        Dhcp4Packet discover = only(first);
        assertEquals(Dhcp4MessageType.DISCOVER, discover.type());
        assertFalse(first.send().get(0).unicast());
        assertEquals(MAC, discover.hardwareAddress());
        assertEquals(Optional.of(CLIENT_ID), discover.options().first(Dhcp4Option.CLIENT_ID));
        assertEquals(Optional.of(Bytes.fromHex("010306333a3b2b79")), discover.options().first(Dhcp4Option.PARAMETER_REQUEST_LIST));

        Dhcp4Packet request = only(session.received(offerOrAck(discover, Dhcp4MessageType.OFFER), T0.plusMillis(3)));
        assertEquals(Dhcp4MessageType.REQUEST, request.type());
        assertEquals(discover.xid(), request.xid());
        assertEquals(Optional.of(ADDRESS), request.options().address(Dhcp4Option.REQUESTED_ADDRESS));
        assertEquals(Optional.of(SERVER), request.options().address(Dhcp4Option.SERVER_ID));
        assertEquals(Dhcp4Codec.UNSPECIFIED, request.ciaddr());

        Dhcp4Session.Step bound = session.received(offerOrAck(request, Dhcp4MessageType.ACK), T0.plusMillis(5));
        Lease4 lease = bound.event().orElseThrow().lease();
        assertEquals(ADDRESS, lease.address());
        assertEquals(24, lease.prefixLength());
        assertEquals(List.of(SERVER), lease.routers());
        assertEquals(List.of(ip("192.0.2.53")), lease.dnsServers());
        assertEquals(T0.plusMillis(5).plusSeconds(1000), lease.renewAt());
        assertEquals(T0.plusMillis(5).plusSeconds(2000), lease.rebindAt());
        assertEquals(T0.plusMillis(5).plusSeconds(4000), lease.validUntil());
        assertEquals(List.of(new ReceivedOption(43, "0102")), lease.options());
        assertEquals(Optional.of(lease.renewAt()), bound.wakeAt());
        assertEquals(Dhcp4Session.State.BOUND, session.state());
    }

    @Test
    void renewsAtT1WithTheUnicastFlagAndRebindsAtT2WithoutIt() {
        Lease4 lease = bind();
        Dhcp4Session.Step renew = session.timer(lease.renewAt());
        Dhcp4Packet request = only(renew);
        assertTrue(renew.send().get(0).unicast(), "RFC 7341 §6.1: a REQUEST native DHCPv4 unicasts");
        assertEquals(ADDRESS, request.ciaddr());
        assertTrue(request.options().first(Dhcp4Option.SERVER_ID).isEmpty(), "§4.3.2 RENEWING: no server identifier");
        assertTrue(request.options().first(Dhcp4Option.REQUESTED_ADDRESS).isEmpty());
        // Half the 1000 s left to T2 (500 s), at least 60 s.
        assertEquals(Optional.of(lease.renewAt().plusSeconds(500)), renew.wakeAt());
        assertEquals(1, session.timer(lease.renewAt().plusSeconds(500)).send().size());

        Dhcp4Session.Step rebind = session.timer(lease.rebindAt());
        assertEquals(Dhcp4Session.State.REBINDING, session.state());
        assertFalse(rebind.send().get(0).unicast());
        Dhcp4Session.Step rebound = session.received(offerOrAck(only(rebind), Dhcp4MessageType.ACK), lease.rebindAt().plusSeconds(1));
        assertEquals(Lease4Event.Kind.REBOUND, rebound.event().orElseThrow().kind());
        assertEquals(lease.rebindAt().plusSeconds(1 + 4000), rebound.event().get().lease().validUntil());
    }

    @Test
    void aNakWhileRenewingDropsTheLeaseAndDiscovers() {
        Lease4 lease = bind();
        Dhcp4Packet request = only(session.timer(lease.renewAt()));
        Dhcp4Session.Step nak = session.received(reply(request, Dhcp4MessageType.NAK, Dhcp4Codec.UNSPECIFIED,
                address(Dhcp4Option.SERVER_ID, SERVER), Dhcp4Option.of(Dhcp4Option.MESSAGE, "no\nway".getBytes())), lease.renewAt());
        assertEquals(Lease4Event.Kind.EXPIRED, nak.event().orElseThrow().kind());
        assertEquals(Dhcp4MessageType.DISCOVER, only(nak).type());
        assertEquals("DISCOVER (DHCPNAK: \"no?way\")", nak.note());
    }

    @Test
    void aLeaseRunsOutAtItsEnd() {
        Lease4 lease = bind();
        session.timer(lease.renewAt());
        session.timer(lease.rebindAt());
        Dhcp4Session.Step expired = session.timer(lease.validUntil());
        assertEquals(Lease4Event.Kind.EXPIRED, expired.event().orElseThrow().kind());
        assertEquals(Dhcp4MessageType.DISCOVER, only(expired).type());
    }

    @Test
    void retransmitsDiscoverAt4To64SecondsAndGivesUpARequestAfterFour() {
        Dhcp4Session.Step step = session.start(T0, Optional.empty(), Session.Resume.PROCESS_STARTED);
        Instant at = T0;
        List<Long> gaps = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Instant next = step.wakeAt().orElseThrow();
            gaps.add(Duration.between(at, next).toSeconds());
            at = next;
            step = session.timer(at);
            assertEquals(Dhcp4MessageType.DISCOVER, only(step).type());
        }
        assertEquals(List.of(4L, 8L, 16L, 32L, 64L, 64L), gaps);

        Dhcp4Session.Step request = session.received(offerOrAck(only(step), Dhcp4MessageType.OFFER), at);
        for (int i = 0; i < 3; i++) request = session.timer(request.wakeAt().orElseThrow());
        assertEquals(Dhcp4MessageType.REQUEST, only(request).type());
        assertEquals(Dhcp4MessageType.DISCOVER, only(session.timer(request.wakeAt().orElseThrow())).type());
    }

    @Test
    void aLeaseKeptAcrossABundleUpdateIsUsedWithoutAnyMessage() {
        Lease4 lease = bind();
        Dhcp4Session again = new Dhcp4Session(new Dhcp4Settings(CLIENT_ID, 1, MAC, List.of()), () -> 0.5, xids::incrementAndGet);
        Dhcp4Session.Step resumed = again.start(T0.plusSeconds(10), Optional.of(lease), Session.Resume.WATCHED);
        assertTrue(resumed.send().isEmpty());
        assertEquals(Lease4Event.Kind.RESUMED, resumed.event().orElseThrow().kind());
        assertEquals(Optional.of(lease.renewAt()), resumed.wakeAt());
    }

    @Test
    void aLeaseKeptAcrossARestartIsCheckedWithInitRebootNotDiscover() {
        Lease4 lease = bind();
        Dhcp4Session again = new Dhcp4Session(new Dhcp4Settings(CLIENT_ID, 1, MAC, List.of()), () -> 0.5, xids::incrementAndGet);
        Dhcp4Session.Step reboot = again.start(T0.plusSeconds(10), Optional.of(lease), Session.Resume.PROCESS_STARTED);
        assertEquals(Lease4Event.Kind.RESUMED, reboot.event().orElseThrow().kind());
        Dhcp4Packet request = only(reboot);
        assertEquals(Dhcp4MessageType.REQUEST, request.type());
        assertEquals(Optional.of(ADDRESS), request.options().address(Dhcp4Option.REQUESTED_ADDRESS));
        assertTrue(request.options().first(Dhcp4Option.SERVER_ID).isEmpty(), "§4.3.2 INIT-REBOOT: no server identifier");
        assertEquals(Dhcp4Codec.UNSPECIFIED, request.ciaddr());

        // Nobody answers: after four REQUESTs the lease is used on its own times (§3.2).
        Dhcp4Session.Step step = reboot;
        for (int i = 0; i < 3; i++) step = again.timer(step.wakeAt().orElseThrow());
        step = again.timer(step.wakeAt().orElseThrow());
        assertTrue(step.send().isEmpty());
        assertEquals(Dhcp4Session.State.BOUND, again.state());
        assertEquals(Optional.of(lease), again.lease());
    }

    @Test
    void releaseSendsOneUnicastReleaseAndDropsTheLease() {
        bind();
        Dhcp4Session.Step release = session.release(T0.plusSeconds(5));
        Dhcp4Packet message = only(release);
        assertEquals(Dhcp4MessageType.RELEASE, message.type());
        assertTrue(release.send().get(0).unicast());
        assertEquals(ADDRESS, message.ciaddr());
        assertEquals(Optional.of(SERVER), message.options().address(Dhcp4Option.SERVER_ID));
        assertEquals(Lease4Event.Kind.RELEASED, release.event().orElseThrow().kind());
        assertEquals(Optional.empty(), release.wakeAt());
        assertEquals(Optional.empty(), session.lease());
        assertEquals(Dhcp4MessageType.DISCOVER, only(session.renewNow(T0.plusSeconds(6))).type());
    }

    @Test
    void declineNamesTheAddressAndWaitsTenSecondsBeforeDiscover() {
        bind();
        Dhcp4Session.Step decline = session.decline(T0.plusSeconds(1), "in use on lan0");
        Dhcp4Packet message = only(decline);
        assertEquals(Dhcp4MessageType.DECLINE, message.type());
        assertEquals(Optional.of(ADDRESS), message.options().address(Dhcp4Option.REQUESTED_ADDRESS));
        assertEquals(Lease4Event.Kind.DECLINED, decline.event().orElseThrow().kind());
        assertEquals(Optional.of(T0.plusSeconds(11)), decline.wakeAt());
        assertTrue(session.timer(T0.plusSeconds(10)).send().isEmpty());
        assertEquals(Dhcp4MessageType.DISCOVER, only(session.timer(T0.plusSeconds(11))).type());
    }

    @Test
    void ignoresAcksAndOffersThatCannotMakeALease() {
        Dhcp4Packet discover = only(session.start(T0, Optional.empty(), Session.Resume.PROCESS_STARTED));
        assertEquals("ignored: a DHCPOFFER of a multicast, reserved or broadcast address (224.0.0.1)",
                session.received(reply(discover, Dhcp4MessageType.OFFER, ip("224.0.0.1"), address(Dhcp4Option.SERVER_ID, SERVER)), T0).note());
        assertEquals("ignored: a DHCPOFFER without Server Identifier", session.received(reply(discover, Dhcp4MessageType.OFFER, ADDRESS), T0).note());
        Dhcp4Packet otherXid = reply(discover, Dhcp4MessageType.OFFER, ADDRESS, address(Dhcp4Option.SERVER_ID, SERVER));
        otherXid = new Dhcp4Packet(2, 1, 6, 0, discover.xid() + 1, 0, 0, otherXid.ciaddr(), otherXid.yiaddr(), otherXid.siaddr(), otherXid.giaddr(),
                otherXid.chaddr(), otherXid.sname(), otherXid.file(), otherXid.options(), 0);
        assertEquals("ignored: not an answer to a transaction of ours", session.received(otherXid, T0).note());

        Dhcp4Packet request = only(session.received(offerOrAck(discover, Dhcp4MessageType.OFFER), T0));
        assertEquals("ignored: a DHCPACK without IP Address Lease Time",
                session.received(reply(request, Dhcp4MessageType.ACK, ADDRESS, address(Dhcp4Option.SERVER_ID, SERVER)), T0).note());
        assertEquals("ignored: a DHCPACK with a lease of 2 s, below 8 s", session.received(reply(request, Dhcp4MessageType.ACK, ADDRESS,
                address(Dhcp4Option.SERVER_ID, SERVER), Dhcp4Option.u32(Dhcp4Option.LEASE_TIME, 2)), T0).note());
        assertEquals(Dhcp4Session.State.REQUESTING, session.state());
    }

    @Test
    void timersOutOfOrderGetRfcDefaultsAndAStrangeMaskGivesTheAddressAlone() {
        Dhcp4Packet discover = only(session.start(T0, Optional.empty(), Session.Resume.PROCESS_STARTED));
        Dhcp4Packet request = only(session.received(offerOrAck(discover, Dhcp4MessageType.OFFER), T0));
        Lease4 lease = session.received(reply(request, Dhcp4MessageType.ACK, ADDRESS, address(Dhcp4Option.SERVER_ID, SERVER),
                Dhcp4Option.u32(Dhcp4Option.LEASE_TIME, 800), Dhcp4Option.u32(Dhcp4Option.RENEWAL_TIME, 900),
                address(Dhcp4Option.SUBNET_MASK, ip("255.0.255.0")), address(Dhcp4Option.ROUTER, ip("255.255.255.255"))), T0).event().orElseThrow().lease();
        assertEquals(T0.plusSeconds(400), lease.renewAt());
        assertEquals(T0.plusSeconds(700), lease.rebindAt());
        assertEquals(32, lease.prefixLength());
        assertEquals(List.of(), lease.routers());
    }

    @Test
    void receivedOptionsBeyondTheLeasesBoundAreSetAsideAndSaidInTheNote() {
        Dhcp4Packet discover = only(session.start(T0, Optional.empty(), Session.Resume.PROCESS_STARTED));
        Dhcp4Packet request = only(session.received(offerOrAck(discover, Dhcp4MessageType.OFFER), T0));
        List<Dhcp4Option> options = new ArrayList<>(List.of(address(Dhcp4Option.SERVER_ID, SERVER), Dhcp4Option.u32(Dhcp4Option.LEASE_TIME, 4000)));
        for (int i = 0; i < 17; i++) options.add(Dhcp4Option.of(121, new byte[250])); // 4250 bytes of an option asked for
        Dhcp4Session.Step bound = session.received(reply(request, Dhcp4MessageType.ACK, ADDRESS, options.toArray(Dhcp4Option[]::new)), T0);
        assertEquals(16, bound.event().orElseThrow().lease().options().size());
        assertEquals("bound 192.0.2.100/32 for 4000 s; options [121] set aside: the lease keeps at most 4096 bytes of received options", bound.note());
    }

    @Test
    void abandoningDropsTheLeaseAndSendsNothing() {
        bind();
        Dhcp4Session.Step stop = session.abandon("no 4o6 server in the Reply");
        assertEquals(Lease4Event.Kind.EXPIRED, stop.event().orElseThrow().kind());
        assertTrue(stop.send().isEmpty());
        assertEquals(Optional.empty(), stop.wakeAt());
    }

    @Test
    void masksAreReadAsPrefixLengths() {
        assertEquals(24, Dhcp4Session.maskLength(ip("255.255.255.0")));
        assertEquals(32, Dhcp4Session.maskLength(ip("255.255.255.255")));
        assertEquals(0, Dhcp4Session.maskLength(ip("0.0.0.0")));
        assertEquals(-1, Dhcp4Session.maskLength(ip("255.0.255.0")));
    }
}
