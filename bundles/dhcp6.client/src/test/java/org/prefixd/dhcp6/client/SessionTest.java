package org.prefixd.dhcp6.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.prefixd.dhcp6.codec.Bytes;
import org.prefixd.dhcp6.codec.ClientId;
import org.prefixd.dhcp6.codec.ClientServerMessage;
import org.prefixd.dhcp6.codec.Duid;
import org.prefixd.dhcp6.codec.ElapsedTime;
import org.prefixd.dhcp6.codec.IaAddress;
import org.prefixd.dhcp6.codec.IaNa;
import org.prefixd.dhcp6.codec.IaPd;
import org.prefixd.dhcp6.codec.IaPrefix;
import org.prefixd.dhcp6.codec.MessageType;
import org.prefixd.dhcp6.codec.Option;
import org.prefixd.dhcp6.codec.Options;
import org.prefixd.dhcp6.codec.Preference;
import org.prefixd.dhcp6.codec.OptionRequest;
import org.prefixd.dhcp6.codec.Authentication;
import org.prefixd.dhcp6.codec.Dhcp6Codec;
import org.prefixd.dhcp6.codec.RapidCommit;
import org.prefixd.dhcp6.codec.ReconfigureAccept;
import org.prefixd.dhcp6.codec.RawOption;
import org.prefixd.dhcp6.codec.ServerId;
import org.prefixd.dhcp6.codec.StatusCode;

/** The client session against a scripted server, on a virtual clock. */
class SessionTest {
    private static final Duid CLIENT = new Duid.Uuid(UUID.fromString("6f0b6f0e-1d2c-4b7a-9a55-0f0e0d0c0b0a"));
    private static final Duid KEA = new Duid.Enterprise(2495, Bytes.fromHex("01"));
    private static final Duid OTHER = new Duid.Enterprise(2495, Bytes.fromHex("02"));
    private static final Inet6Address PREFIX = ip("2001:db8:100::");

    private Instant now = Instant.parse("2026-11-25T10:00:00Z");
    private final AtomicInteger xids = new AtomicInteger(0x100);

    private static Inet6Address ip(String text) {
        try {
            return (Inet6Address) InetAddress.getByName(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private Session session(boolean rapidCommit, boolean delay) {
        SessionSettings settings = new SessionSettings(CLIENT, Optional.empty(),
                List.of(new SessionSettings.PdRequest(2, 56, Optional.empty())), rapidCommit, delay, List.of(), List.of(), Optional.empty(), false);
        return new Session(settings, () -> 0.5, xids::incrementAndGet);
    }

    private static ClientServerMessage answer(MessageType type, ClientServerMessage to, Duid server, Option... more) {
        return new ClientServerMessage(type, to.transactionId(), Options.of(new ClientId(CLIENT), new ServerId(server)).with(more));
    }

    private static IaPd pd(long t1, long t2, long preferred, long valid) {
        return new IaPd(2, t1, t2, Options.of(new IaPrefix(preferred, valid, 56, PREFIX, Options.NONE)));
    }

    private Session bound(long t1, long t2, long preferred, long valid) {
        Session s = session(false, false);
        ClientServerMessage solicit = s.start(now, Optional.empty()).send().get(0);
        Session.Step afterAdvertise = s.received(answer(MessageType.ADVERTISE, solicit, KEA, pd(t1, t2, preferred, valid), new Preference(255)), now);
        ClientServerMessage request = afterAdvertise.send().get(0);
        Session.Step bound = s.received(answer(MessageType.REPLY, request, KEA, pd(t1, t2, preferred, valid)), now);
        assertEquals(LeaseEvent.Kind.BOUND, bound.event().orElseThrow().kind());
        return s;
    }

    @Test
    void solicitsAtOnceWhenTheFirstSolicitDelayIsOff() {
        Session s = session(false, false);
        Session.Step step = s.start(now, Optional.empty());
        ClientServerMessage solicit = step.send().get(0);
        assertEquals(MessageType.SOLICIT, solicit.type());
        assertTrue(solicit.options().get(IaPd.class).isPresent(), "asks for the IA_PD");
        assertEquals(56, solicit.options().get(IaPd.class).get().prefixes().get(0).prefixLength(), "hints the prefix length");
        assertTrue(step.wakeAt().orElseThrow().isAfter(now.plusSeconds(1)), "first Solicit RT is more than IRT");
    }

    @Test
    void waitsUpToASecondBeforeTheFirstSolicitWhenTheDelayIsOn() {
        Session s = session(false, true);
        Session.Step step = s.start(now, Optional.empty());
        assertEquals(List.of(), step.send());
        assertEquals(now.plusMillis(500), step.wakeAt().orElseThrow());
        assertEquals(MessageType.SOLICIT, s.timer(now.plusMillis(500)).send().get(0).type());
    }

    @Test
    void collectsAdvertisesForTheFirstRtThenRequestsTheHighestPreference() {
        Session s = session(false, false);
        Session.Step start = s.start(now, Optional.empty());
        ClientServerMessage solicit = start.send().get(0);
        assertEquals(List.of(), s.received(answer(MessageType.ADVERTISE, solicit, OTHER, pd(100, 160, 200, 300), new Preference(3)), now).send());
        assertEquals(List.of(), s.received(answer(MessageType.ADVERTISE, solicit, KEA, pd(100, 160, 200, 300), new Preference(9)), now).send());
        now = start.wakeAt().orElseThrow();
        ClientServerMessage request = s.timer(now).send().get(0);
        assertEquals(MessageType.REQUEST, request.type());
        assertEquals(KEA, request.options().get(ServerId.class).orElseThrow().duid());
    }

    @Test
    void ignoresAnAdvertiseThatOffersNoPrefix() {
        Session s = session(false, false);
        ClientServerMessage solicit = s.start(now, Optional.empty()).send().get(0);
        Session.Step step = s.received(answer(MessageType.ADVERTISE, solicit, KEA,
                new IaPd(2, 0, 0, Options.of(StatusCode.of(StatusCode.NO_PREFIX_AVAIL, "none"))), new Preference(255)), now);
        assertEquals(List.of(), step.send());
        assertEquals(Session.State.SOLICITING, s.state());
    }

    @Test
    void bindsFromARapidCommitReplyWithoutARequest() {
        Session s = session(true, false);
        ClientServerMessage solicit = s.start(now, Optional.empty()).send().get(0);
        assertTrue(solicit.options().get(RapidCommit.class).isPresent());
        Session.Step step = s.received(answer(MessageType.REPLY, solicit, KEA, pd(100, 160, 200, 300), new RapidCommit()), now);
        assertEquals(LeaseEvent.Kind.BOUND, step.event().orElseThrow().kind());
        assertEquals(List.of(), step.send());
        assertEquals(now.plusSeconds(100), step.wakeAt().orElseThrow(), "next: Renew at T1");
    }

    @Test
    void ignoresAnAnswerToAnotherTransaction() {
        Session s = session(false, false);
        ClientServerMessage solicit = s.start(now, Optional.empty()).send().get(0);
        ClientServerMessage stray = new ClientServerMessage(MessageType.ADVERTISE, solicit.transactionId() ^ 1,
                Options.of(new ClientId(CLIENT), new ServerId(KEA), pd(100, 160, 200, 300), new Preference(255)));
        Session.Step step = s.received(stray, now);
        assertEquals(List.of(), step.send());
        assertTrue(step.note().startsWith("ignored: "), "the caller logs it: " + step.note());
        assertEquals(Session.State.SOLICITING, s.state());
    }

    @Test
    void asksForPdExcludeWithItsIaPdsInEveryMessageThatHasAnOptionRequest() {
        SessionSettings settings = new SessionSettings(CLIENT, Optional.empty(), List.of(new SessionSettings.PdRequest(2, 56, Optional.empty())),
                false, false, List.of(67, 64), List.of(), Optional.of(KEA), false, false, true); // preferred: its Advertise is requested at once
        Session s = new Session(settings, () -> 0.5, xids::incrementAndGet);
        ClientServerMessage solicit = s.start(now, Optional.empty()).send().get(0);
        assertEquals(List.of(23, 24, 82, 67, 64), solicit.options().get(OptionRequest.class).orElseThrow().codes(), "67 once, asked for twice");
        ClientServerMessage request = s.received(answer(MessageType.ADVERTISE, solicit, KEA, pd(100, 160, 200, 300)), now).send().get(0);
        assertTrue(request.options().get(OptionRequest.class).orElseThrow().codes().contains(67));
        s.received(answer(MessageType.REPLY, request, KEA, pd(100, 160, 200, 300)), now);
        ClientServerMessage renew = s.timer(now.plusSeconds(100)).send().get(0);
        assertEquals(MessageType.RENEW, renew.type());
        assertTrue(renew.options().get(OptionRequest.class).orElseThrow().codes().contains(67));

        SessionSettings off = new SessionSettings(CLIENT, Optional.empty(), List.of(new SessionSettings.PdRequest(2, 56, Optional.empty())),
                false, false, List.of(), List.of(), Optional.empty(), false, false, false);
        ClientServerMessage plain = new Session(off, () -> 0.5, xids::incrementAndGet).start(now, Optional.empty()).send().get(0);
        assertFalse(plain.options().get(OptionRequest.class).orElseThrow().codes().contains(67), "off");
        SessionSettings addressOnly = new SessionSettings(CLIENT, Optional.of(1L), List.of(), false, false, List.of(), List.of(), Optional.empty(),
                false, false, true);
        ClientServerMessage na = new Session(addressOnly, () -> 0.5, xids::incrementAndGet).start(now, Optional.empty()).send().get(0);
        assertFalse(na.options().get(OptionRequest.class).orElseThrow().codes().contains(67), "no IA_PD, nothing to exclude from");
    }

    @Test
    void requestsThePreferredServerAtOnceAndSendsTheConfiguredOptionsInEveryMessage() {
        RawOption userClass = new RawOption(15, Bytes.fromHex("000474657374"));
        SessionSettings settings = new SessionSettings(CLIENT, Optional.empty(), List.of(new SessionSettings.PdRequest(2, 56, Optional.empty())),
                false, false, List.of(64, 23), List.of(userClass), Optional.of(OTHER), false);
        Session s = new Session(settings, () -> 0.5, xids::incrementAndGet);
        ClientServerMessage solicit = s.start(now, Optional.empty()).send().get(0);
        assertEquals(List.of(23, 24, 82, 64), solicit.options().get(OptionRequest.class).orElseThrow().codes(), "DNS and domains always, once");
        assertTrue(solicit.options().all(RawOption.class).contains(userClass));
        assertEquals(List.of(), s.received(answer(MessageType.ADVERTISE, solicit, KEA, pd(100, 160, 200, 300), new Preference(200)), now).send(),
                "another server's Advertise waits for the first RT");
        ClientServerMessage request = s.received(answer(MessageType.ADVERTISE, solicit, OTHER, pd(100, 160, 200, 300)), now).send().get(0);
        assertEquals(OTHER, request.options().get(ServerId.class).orElseThrow().duid(), "the preferred server, whatever its preference");
        assertTrue(request.options().all(RawOption.class).contains(userClass));
        s.received(answer(MessageType.REPLY, request, OTHER, pd(100, 160, 200, 300)), now);
        ClientServerMessage renew = s.timer(now.plusSeconds(100)).send().get(0);
        assertEquals(MessageType.RENEW, renew.type());
        assertTrue(renew.options().all(RawOption.class).contains(userClass));
    }

    @Test
    void declinesADuplicateAddressDropsItAtOnceAndRenewsForAnother() {
        Inet6Address taken = ip("2001:db8:ffff::100");
        SessionSettings settings = new SessionSettings(CLIENT, Optional.of(1L), List.of(new SessionSettings.PdRequest(2, 56, Optional.empty())),
                true, false, List.of(), List.of(), Optional.empty(), false);
        Session s = new Session(settings, () -> 0.5, xids::incrementAndGet);
        ClientServerMessage solicit = s.start(now, Optional.empty()).send().get(0);
        s.received(answer(MessageType.REPLY, solicit, KEA, pd(100, 160, 200, 300),
                new IaNa(1, 100, 160, Options.of(new IaAddress(taken, 200, 300, Options.NONE))), new RapidCommit()), now);

        Session.Step declining = s.decline(taken, now);
        ClientServerMessage decline = declining.send().get(0);
        assertEquals(MessageType.DECLINE, decline.type());
        assertEquals(KEA, decline.options().get(ServerId.class).orElseThrow().duid());
        assertEquals(List.of(taken), decline.options().get(IaNa.class).orElseThrow().addresses().stream().map(IaAddress::address).toList());
        assertTrue(decline.options().get(IaPd.class).isEmpty() && decline.options().get(OptionRequest.class).isEmpty(), "§18.2.8: the IA_NA only, no ORO");
        Lease rest = declining.event().orElseThrow().lease();
        assertEquals(LeaseEvent.Kind.UPDATED, declining.event().get().kind());
        assertEquals(List.of(), rest.addresses(), "the router stops using the address at once");
        assertEquals(1, rest.prefixes().size(), "the prefix stays");

        // Unanswered: retransmitted up to DEC_MAX_RC (4) times in all, then a Renew asks for another address.
        Session.Step step = declining;
        int sent = 1;
        while (s.state() == Session.State.DECLINING) {
            now = step.wakeAt().orElseThrow();
            step = s.timer(now);
            if (s.state() == Session.State.DECLINING) sent += step.send().size();
        }
        assertEquals(4, sent);
        ClientServerMessage renew = step.send().get(0);
        assertEquals(MessageType.RENEW, renew.type());
        assertEquals(List.of(), renew.options().get(IaNa.class).orElseThrow().addresses(), "the IA_NA without the declined address");
        assertEquals("not an address of the lease: nothing to decline", s.decline(taken, now).note());
    }

    @Test
    void renewsAtOnceOnAnAuthenticatedReconfigureWhenItAcceptsThemOnly() throws Exception {
        for (boolean accept : new boolean[] {false, true}) {
            SessionSettings settings = new SessionSettings(ReconfigureCheckTest.CLIENT, Optional.empty(),
                    List.of(new SessionSettings.PdRequest(2, 56, Optional.empty())), true, false, List.of(), List.of(), Optional.empty(), false, accept);
            Session s = new Session(settings, () -> 0.5, xids::incrementAndGet);
            ClientServerMessage solicit = s.start(now, Optional.empty()).send().get(0);
            assertEquals(accept, solicit.options().get(ReconfigureAccept.class).isPresent(), "Reconfigure Accept in the Solicit");
            s.received(new ClientServerMessage(MessageType.REPLY, solicit.transactionId(), Options.of(new ClientId(ReconfigureCheckTest.CLIENT),
                    new ServerId(ReconfigureCheckTest.SERVER), pd(100, 160, 200, 300), new RapidCommit(),
                    new Authentication(3, 1, 0, 5, Bytes.fromHex("01" + ReconfigureCheckTest.KEY.hex())))), now);
            assertEquals(Optional.of(new ReconfigureKey(ReconfigureCheckTest.KEY, 5)), s.lease().orElseThrow().reconfigureKey(), "the key kept with the lease");

            byte[] raw = ReconfigureCheckTest.reconfigure(ReconfigureCheckTest.SERVER, ReconfigureCheckTest.CLIENT, 5, 6, ReconfigureCheckTest.KEY);
            Session.Step step = s.reconfigure(raw, (ClientServerMessage) Dhcp6Codec.decode(raw), now.plusSeconds(10));
            if (!accept) {
                assertEquals(List.of(), step.send());
                assertTrue(step.note().startsWith("ignored: "), step.note());
                continue;
            }
            assertEquals(MessageType.RENEW, step.send().get(0).type());
            assertEquals(6, s.lease().orElseThrow().reconfigureKey().orElseThrow().lastReplay());
            assertEquals(List.of(), s.reconfigure(raw, (ClientServerMessage) Dhcp6Codec.decode(raw), now.plusSeconds(11)).send(), "a replay does nothing");
        }
    }

    @Test
    void keepsRetransmittingTheRenewWhenTheServerAnswersUnspecFailOrUseMulticast() {
        Session s = bound(100, 160, 200, 300);
        Lease before = s.lease().orElseThrow();
        now = now.plusSeconds(100);
        Session.Step renewing = s.timer(now);
        ClientServerMessage renew = renewing.send().get(0);
        for (int code : new int[] {StatusCode.UNSPEC_FAIL, StatusCode.USE_MULTICAST}) {
            Session.Step step = s.received(answer(MessageType.REPLY, renew, KEA, StatusCode.of(code, "busy")), now.plusMillis(5));
            assertEquals(List.of(), step.send());
            assertTrue(step.event().isEmpty(), "no renewal from a failure");
            assertEquals(renewing.wakeAt(), step.wakeAt(), "the Renew's own retransmission time stays");
            assertEquals(Session.State.RENEWING, s.state());
        }
        assertEquals(before, s.lease().orElseThrow(), "the lease as it was, DNS included");
        Session.Step ok = s.received(answer(MessageType.REPLY, renew, KEA, pd(100, 160, 200, 300)), now.plusMillis(10));
        assertEquals(LeaseEvent.Kind.RENEWED, ok.event().orElseThrow().kind());
    }

    @Test
    void ignoresARapidCommitReplyThatBindsNothingAndGoesOnSoliciting() {
        Session s = session(true, false);
        Session.Step first = s.start(now, Optional.empty());
        ClientServerMessage solicit = first.send().get(0);
        Session.Step step = s.received(answer(MessageType.REPLY, solicit, KEA,
                new IaPd(2, 0, 0, Options.of(StatusCode.of(StatusCode.NO_PREFIX_AVAIL, "none"))), new RapidCommit()), now);
        assertEquals(List.of(), step.send(), "no new Solicit at once: a server answering every Solicit so would make a loop");
        assertEquals(first.wakeAt(), step.wakeAt(), "the Solicit's own retransmission goes on");
        assertEquals(Session.State.SOLICITING, s.state());
    }

    @Test
    void waitsLongerEachTimeARequestBindsNothingBeforeSolicitingAgain() {
        Session s = session(false, false);
        ClientServerMessage solicit = s.start(now, Optional.empty()).send().get(0);
        for (long expectedWait : new long[] {1000, 2000, 4000}) {
            ClientServerMessage request = s.received(answer(MessageType.ADVERTISE, solicit, KEA, pd(100, 160, 200, 300), new Preference(255)), now).send().get(0);
            Session.Step empty = s.received(answer(MessageType.REPLY, request, KEA,
                    new IaPd(2, 0, 0, Options.of(StatusCode.of(StatusCode.NO_PREFIX_AVAIL, "gone")))), now);
            assertEquals(List.of(), empty.send());
            assertEquals(now.plusMillis(expectedWait), empty.wakeAt().orElseThrow());
            assertEquals(List.of(), s.timer(now.plusMillis(expectedWait - 1)).send(), "not before the wait is over");
            now = now.plusMillis(expectedWait);
            Session.Step again = s.timer(now);
            assertEquals(MessageType.SOLICIT, again.send().get(0).type());
            solicit = again.send().get(0);
        }
    }

    @Test
    void bindsTheSaneIaOfAReplyAndSaysWhatItSetAside() {
        Session s = session(true, false);
        ClientServerMessage solicit = s.start(now, Optional.empty()).send().get(0);
        IaPd mixed = new IaPd(2, 100, 160, Options.of(new IaPrefix(200, 300, 56, PREFIX, Options.NONE),
                new IaPrefix(200, 300, 8, ip("2000::"), Options.NONE), new IaPrefix(500, 300, 56, ip("2001:db8:200::"), Options.NONE)));
        Session.Step step = s.received(answer(MessageType.REPLY, solicit, KEA, mixed, new IaPd(9, 0, 0, Options.NONE), new RapidCommit()), now);
        assertEquals(List.of(PREFIX), step.event().orElseThrow().lease().prefixes().stream().map(LeasedPrefix::prefix).toList());
        assertEquals(3, step.setAside().size(), step.setAside().toString());
        assertTrue(step.setAside().get(0).contains("IAPREFIX 2000::/8: length outside /16../64"), step.setAside().toString());
    }

    @Test
    void renewsAtT1WithTheServerItIsBoundToAndZeroLifetimes() {
        Session s = bound(100, 160, 200, 300);
        now = now.plusSeconds(100);
        ClientServerMessage renew = s.timer(now).send().get(0);
        assertEquals(MessageType.RENEW, renew.type());
        assertEquals(KEA, renew.options().get(ServerId.class).orElseThrow().duid());
        IaPrefix p = renew.options().get(IaPd.class).orElseThrow().prefixes().get(0);
        assertEquals(PREFIX, p.prefix());
        assertEquals(0, p.validLifetime());
        Session.Step renewed = s.received(answer(MessageType.REPLY, renew, KEA, pd(100, 160, 200, 300)), now);
        assertEquals(LeaseEvent.Kind.RENEWED, renewed.event().orElseThrow().kind());
        assertEquals(now.plusSeconds(100), renewed.wakeAt().orElseThrow());
    }

    @Test
    void retransmitsTheRenewWithElapsedTimeThenRebindsAtT2WithoutServerId() {
        Session s = bound(100, 160, 200, 300);
        now = now.plusSeconds(100);
        Session.Step step = s.timer(now);
        Instant renewStart = now;
        int renews = 1;
        while (true) {
            now = step.wakeAt().orElseThrow();
            step = s.timer(now);
            ClientServerMessage sent = step.send().isEmpty() ? null : step.send().get(0);
            if (sent == null) continue;
            if (sent.type() == MessageType.REBIND) break;
            renews++;
            assertTrue(sent.options().get(ElapsedTime.class).orElseThrow().hundredths() > 0, "retransmissions carry the elapsed time");
        }
        assertEquals(renewStart.plusSeconds(60), now, "Rebind at T2");
        assertEquals(3, renews, "Renew at 0, 10 and 30 s after T1 (REN_TIMEOUT 10 s, doubling)");
        assertFalse(step.send().get(0).options().get(ServerId.class).isPresent(), "Rebind goes to every server");
    }

    @Test
    void expiresAtTheValidLifetimeAndSolicitsAgain() {
        Session s = bound(100, 160, 200, 300);
        Session.Step step = s.timer(now);
        Optional<LeaseEvent> expired = Optional.empty();
        int guard = 0;
        while (expired.isEmpty() && guard++ < 100) {
            now = step.wakeAt().orElseThrow();
            step = s.timer(now);
            expired = step.event().filter(e -> e.kind() == LeaseEvent.Kind.EXPIRED);
        }
        assertEquals(Instant.parse("2026-11-25T10:05:00Z"), now, "expired at the valid lifetime, 300 s");
        assertEquals(MessageType.SOLICIT, step.send().get(0).type());
        assertEquals(Optional.empty(), s.lease());
    }

    @Test
    void resumesAStillValidLeaseWithoutSolicitingAndRenewsAtT1() {
        Lease lease = bound(100, 160, 200, 300).lease().orElseThrow();
        Session restarted = session(false, true);
        now = now.plusSeconds(40);
        Session.Step step = restarted.start(now, Optional.of(lease));
        assertEquals(List.of(), step.send(), "no Solicit");
        assertEquals(LeaseEvent.Kind.RESUMED, step.event().orElseThrow().kind());
        assertEquals(Instant.parse("2026-11-25T10:01:40Z"), step.wakeAt().orElseThrow(), "Renew at the original T1");
        assertEquals(MessageType.RENEW, restarted.timer(step.wakeAt().get()).send().get(0).type());
    }

    @Test
    void rebindsAtOnceWhenItResumesAfterT2() {
        Lease lease = bound(100, 160, 200, 300).lease().orElseThrow();
        Session restarted = session(false, false);
        Session.Step step = restarted.start(now.plusSeconds(200), Optional.of(lease));
        assertEquals(MessageType.REBIND, step.send().get(0).type());
    }

    /**
     * Found by SessionFuzzTest: such a Reply counted as a renewal, T1 stayed in the past, and a
     * new Renew went out at once, again after each such Reply — a storm with a server that
     * answers at once (RFC 8415 §18.2.10.1: the client MUST rate-limit and MAY wait for the
     * normal retransmission time, as if the Reply had not come).
     */
    @Test
    void retransmitsTheRenewWhenTheReplyLeavesTheIaOutInsteadOfRenewingAgainAtOnce() {
        Session s = bound(100, 160, 200, 300);
        now = now.plusSeconds(100);
        Session.Step renewing = s.timer(now);
        ClientServerMessage renew = renewing.send().get(0);
        Session.Step step = s.received(answer(MessageType.REPLY, renew, KEA), now);
        assertEquals(List.of(), step.send());
        assertTrue(step.event().isEmpty(), "nothing was renewed: " + step.event());
        assertEquals(renewing.wakeAt(), step.wakeAt(), "the Renew's own retransmission time");
        assertEquals(Session.State.RENEWING, s.state());
        assertEquals(List.of(), s.timer(now).send(), "no new Renew at once");
        ClientServerMessage resent = s.timer(renewing.wakeAt().orElseThrow()).send().get(0);
        assertEquals(MessageType.RENEW, resent.type());
        assertEquals(renew.transactionId(), resent.transactionId(), "the same Renew, retransmitted");
    }

    @Test
    void usesWhatAReplyToARenewRenewsAndRetransmitsForTheIaItLeftOut() {
        Session s = new Session(new SessionSettings(CLIENT, Optional.of(1L), List.of(new SessionSettings.PdRequest(2, 56, Optional.empty())),
                true, false, List.of(), List.of(), Optional.empty(), false), () -> 0.5, xids::incrementAndGet);
        ClientServerMessage solicit = s.start(now, Optional.empty()).send().get(0);
        IaNa na = new IaNa(1, 100, 160, Options.of(new IaAddress(ip("2001:db8::1"), 200, 300, Options.NONE)));
        assertEquals(LeaseEvent.Kind.BOUND, s.received(answer(MessageType.REPLY, solicit, KEA, na, pd(100, 160, 200, 300), new RapidCommit()), now)
                .event().orElseThrow().kind());
        now = now.plusSeconds(100);
        Session.Step renewing = s.timer(now);
        ClientServerMessage renew = renewing.send().get(0);
        Session.Step step = s.received(answer(MessageType.REPLY, renew, KEA, pd(1000, 1600, 2000, 3000)), now);
        assertEquals(List.of(), step.send());
        assertEquals(LeaseEvent.Kind.RENEWED, step.event().orElseThrow().kind());
        assertEquals(now.plusSeconds(3000), step.event().get().lease().prefixes().get(0).validUntil(), "the prefix renewed");
        assertEquals(renewing.wakeAt(), step.wakeAt(), "the IA_NA is asked for again by the Renew's retransmission");
        assertEquals(List.of(), s.timer(now).send(), "no new Renew at once");
    }

    /**
     * Found by SessionFuzzTest: when the IA that set T2 expired during the Renew (its T2 beyond
     * its valid lifetime), the Renew's MRD still ended at that T2 but the lease's T2 had moved
     * later; the timer then went from leaseTimer to retransmit and back without end
     * (StackOverflowError). The Renew that ran out by its T2 is followed by a Rebind.
     */
    @Test
    void rebindsWhenTheRenewRunsOutAfterTheIaThatSetT2Expired() {
        Session s = new Session(new SessionSettings(CLIENT, Optional.empty(), List.of(new SessionSettings.PdRequest(2, 56, Optional.empty()),
                new SessionSettings.PdRequest(3, 56, Optional.empty())), true, false, List.of(), List.of(), Optional.empty(), false),
                () -> 0.5, xids::incrementAndGet);
        ClientServerMessage solicit = s.start(now, Optional.empty()).send().get(0);
        IaPd shortLived = new IaPd(2, 100, 5000, Options.of(new IaPrefix(200, 300, 56, PREFIX, Options.NONE)));
        IaPd longLived = new IaPd(3, 4000, 8000, Options.of(new IaPrefix(9000, 10000, 56, ip("2001:db8:200::"), Options.NONE)));
        Session.Step step = s.received(answer(MessageType.REPLY, solicit, KEA, shortLived, longLived, new RapidCommit()), now);
        Instant end = now.plusSeconds(5000);
        ClientServerMessage last = null;
        while (now.isBefore(end)) {
            now = step.wakeAt().orElseThrow();
            step = s.timer(now);
            if (!step.send().isEmpty()) last = step.send().get(0);
        }
        assertEquals(MessageType.REBIND, last.type(), "the Renew ran out at the T2 it started with");
        assertEquals(Session.State.REBINDING, s.state());
    }

    /**
     * Found by SessionFuzzTest: after NoBinding and a Request nobody answered, the session
     * solicited with the old lease still held and never expired it: no EXPIRED event, the
     * prefix stayed on the LAN past its valid lifetime.
     */
    @Test
    void expiresTheLeaseOnTimeWhileSolicitingAfterNoBindingAndAnUnansweredRequest() {
        Session s = bound(100, 160, 200, 300);
        now = now.plusSeconds(100);
        ClientServerMessage renew = s.timer(now).send().get(0);
        Session.Step step = s.received(answer(MessageType.REPLY, renew, KEA,
                new IaPd(2, 0, 0, Options.of(StatusCode.of(StatusCode.NO_BINDING, "lost it")))), now);
        Optional<LeaseEvent> expired = Optional.empty();
        while (expired.isEmpty() && now.isBefore(Instant.parse("2026-11-25T11:00:00Z"))) {
            now = step.wakeAt().orElseThrow();
            step = s.timer(now);
            expired = step.event();
        }
        assertEquals(Session.State.SOLICITING, s.state(), "the Request gave up");
        assertEquals(LeaseEvent.Kind.EXPIRED, expired.orElseThrow().kind());
        assertEquals(Instant.parse("2026-11-25T10:05:00Z"), now, "at the valid lifetime, 300 s");
        assertEquals(Optional.empty(), s.lease());
    }

    @Test
    void dropsAPrefixThatExpiresWhileDeclining() {
        Session s = new Session(new SessionSettings(CLIENT, Optional.of(1L), List.of(new SessionSettings.PdRequest(2, 56, Optional.empty())),
                true, false, List.of(), List.of(), Optional.empty(), false), () -> 0.5, xids::incrementAndGet);
        ClientServerMessage solicit = s.start(now, Optional.empty()).send().get(0);
        Inet6Address taken = ip("2001:db8::1");
        IaNa na = new IaNa(1, 100, 160, Options.of(new IaAddress(taken, 200, 300, Options.NONE)));
        s.received(answer(MessageType.REPLY, solicit, KEA, na, pd(2, 3, 4, 5), new RapidCommit()), now);
        Session.Step step = s.decline(taken, now);
        assertEquals(MessageType.DECLINE, step.send().get(0).type());
        while (step.event().isEmpty() || step.event().get().kind() != LeaseEvent.Kind.EXPIRED) {
            now = step.wakeAt().orElseThrow();
            step = s.timer(now);
        }
        assertEquals(Instant.parse("2026-11-25T10:00:05Z"), now, "the prefix's valid lifetime, 5 s, while the Decline is retransmitted");
        assertEquals(Session.State.DECLINING, s.state());
    }

    @Test
    void retransmitsTheRequestAfterNoBindingWhenItsReplyBindsNothing() {
        Session s = bound(100, 160, 200, 300);
        now = now.plusSeconds(100);
        ClientServerMessage renew = s.timer(now).send().get(0);
        Session.Step requesting = s.received(answer(MessageType.REPLY, renew, KEA,
                new IaPd(2, 0, 0, Options.of(StatusCode.of(StatusCode.NO_BINDING, "lost it")))), now);
        ClientServerMessage request = requesting.send().get(0);
        Session.Step step = s.received(answer(MessageType.REPLY, request, KEA), now);
        assertEquals(List.of(), step.send());
        assertEquals(requesting.wakeAt(), step.wakeAt(), "the Request's own retransmission time");
        assertEquals(List.of(), s.timer(now).send(), "no Renew at once for the T1 that passed");
        ClientServerMessage resent = s.timer(requesting.wakeAt().orElseThrow()).send().get(0);
        assertEquals(request.transactionId(), resent.transactionId(), "the same Request, retransmitted");
    }

    @Test
    void answersNoBindingToARenewWithARequest() {
        Session s = bound(100, 160, 200, 300);
        now = now.plusSeconds(100);
        ClientServerMessage renew = s.timer(now).send().get(0);
        Session.Step step = s.received(answer(MessageType.REPLY, renew, KEA,
                new IaPd(2, 0, 0, Options.of(StatusCode.of(StatusCode.NO_BINDING, "lost it")))), now);
        assertEquals(MessageType.REQUEST, step.send().get(0).type());
        assertEquals(Session.State.REQUESTING, s.state());
    }

    @Test
    void keepsALeaseForADayWithOneRenewAndOneReplyPerT1() {
        Session s = bound(1800, 2880, 3600, 7200);
        int sent = 0;
        Instant end = now.plus(Duration.ofHours(24));
        Session.Step step = s.timer(now);
        while (now.isBefore(end)) {
            now = step.wakeAt().orElseThrow();
            step = s.timer(now);
            for (ClientServerMessage m : step.send()) {
                sent++;
                assertEquals(MessageType.RENEW, m.type(), "only Renews while the server answers");
                step = s.received(answer(MessageType.REPLY, m, KEA, pd(1800, 2880, 3600, 7200)), now);
                assertEquals(LeaseEvent.Kind.RENEWED, step.event().orElseThrow().kind());
            }
        }
        assertEquals(48, sent, "one Renew every 30 minutes for 24 hours");
        assertTrue(s.lease().isPresent());
    }

    @Test
    void releasesTheLeaseOnRequestAndStaysReleasedUntilAskedToRenew() {
        Session s = bound(100, 160, 200, 300);
        Session.Step step = s.release(now);
        ClientServerMessage release = step.send().get(0);
        assertEquals(MessageType.RELEASE, release.type());
        assertEquals(KEA, release.options().get(ServerId.class).orElseThrow().duid());
        assertEquals(PREFIX, release.options().get(IaPd.class).orElseThrow().prefixes().get(0).prefix());
        assertFalse(release.options().get(org.prefixd.dhcp6.codec.OptionRequest.class).isPresent(), "no ORO in a Release (RFC 8415 §18.2.7)");
        assertEquals(LeaseEvent.Kind.RELEASED, step.event().orElseThrow().kind());
        assertEquals(Optional.empty(), s.lease());
        int sent = 1;
        while (s.state() == Session.State.RELEASING) {
            now = step.wakeAt().orElseThrow();
            step = s.timer(now);
            sent += step.send().size();
        }
        assertEquals(4, sent, "REL_MAX_RC: four Releases when the server never answers");
        assertEquals(Session.State.RELEASED, s.state());
        assertEquals(MessageType.SOLICIT, s.renewNow(now).send().get(0).type());
    }

    @Test
    void renewsAtOnceWhenAsked() {
        Session s = bound(100, 160, 200, 300);
        ClientServerMessage renew = s.renewNow(now.plusSeconds(5)).send().get(0);
        assertEquals(MessageType.RENEW, renew.type());
    }

    @Test
    void rebindsAtOnceWhenTheLinkReturnsWithAValidLease() {
        Lease lease = bound(100, 160, 200, 300).lease().orElseThrow();
        Session returned = session(false, true);
        Session.Step step = returned.start(now.plusSeconds(30), Optional.of(lease), Session.Resume.LINK_RETURNED);
        ClientServerMessage rebind = step.send().get(0);
        assertEquals(MessageType.REBIND, rebind.type(), "RFC 8415 §18.2.12");
        assertEquals(Optional.empty(), step.event(), "the component that watched the link still applies the lease");
        Session.Step rebound = returned.received(answer(MessageType.REPLY, rebind, KEA, pd(100, 160, 200, 300)), now.plusSeconds(30));
        assertEquals(LeaseEvent.Kind.REBOUND, rebound.event().orElseThrow().kind());
    }

    @Test
    void aNewProcessUsesTheKeptLeaseAtOnceAndRebindsAtOnceToConfirmIt() {
        Lease lease = bound(100, 160, 200, 300).lease().orElseThrow();
        Session started = session(false, true);
        now = now.plusSeconds(30);
        Session.Step step = started.start(now, Optional.of(lease), Session.Resume.PROCESS_STARTED);
        assertEquals(LeaseEvent.Kind.RESUMED, step.event().orElseThrow().kind(), "the lease is used at once: the LAN keeps its prefix");
        assertEquals(lease.prefixes(), step.event().get().lease().prefixes());
        ClientServerMessage rebind = step.send().get(0);
        assertEquals(MessageType.REBIND, rebind.type(), "RFC 8415 §18.2.12: the link may have changed while prefixd was not running");
        assertEquals(PREFIX, rebind.options().get(IaPd.class).orElseThrow().prefixes().get(0).prefix(), "the Rebind names the kept prefix");
        assertFalse(rebind.options().get(ServerId.class).isPresent(), "a Rebind goes to any server (§18.2.5)");
        Instant retransmitAt = step.wakeAt().orElseThrow();
        assertTrue(retransmitAt.isAfter(now) && !retransmitAt.isAfter(now.plusSeconds(11)), "retransmitted after REB_TIMEOUT (10 s ± 10%): " + retransmitAt);
        assertEquals(MessageType.REBIND, started.timer(retransmitAt).send().get(0).type(), "the usual retransmission");
        Session.Step rebound = started.received(answer(MessageType.REPLY, rebind, KEA, pd(100, 160, 200, 300)), retransmitAt);
        assertEquals(LeaseEvent.Kind.REBOUND, rebound.event().orElseThrow().kind());
        assertEquals(Session.State.BOUND, started.state());
    }

    @Test
    void aNewProcessWithAnExpiredLeaseSolicits() {
        Lease lease = bound(100, 160, 200, 300).lease().orElseThrow();
        Session started = session(false, false);
        Session.Step step = started.start(now.plusSeconds(301), Optional.of(lease), Session.Resume.PROCESS_STARTED);
        assertEquals(MessageType.SOLICIT, step.send().get(0).type());
        assertEquals(Optional.empty(), step.event());
    }

    @Test
    void inStatelessModeAsksForInformationOnlyAndRefreshesIt() {
        Session s = new Session(new SessionSettings(CLIENT, Optional.empty(), List.of(), false, false, List.of(), List.of(), Optional.empty(), true),
                () -> 0.5, xids::incrementAndGet);
        ClientServerMessage request = s.start(now, Optional.empty()).send().get(0);
        assertEquals(MessageType.INFORMATION_REQUEST, request.type());
        assertFalse(request.options().get(IaPd.class).isPresent());
        assertTrue(request.options().get(org.prefixd.dhcp6.codec.OptionRequest.class).orElseThrow().codes()
                .contains(org.prefixd.dhcp6.codec.OptionCodes.INFORMATION_REFRESH_TIME), "§18.2.6: the ORO asks for the refresh time");
        Session.Step step = s.received(answer(MessageType.REPLY, request, KEA,
                new org.prefixd.dhcp6.codec.DnsServers(List.of(ip("2001:db8::53"))), new org.prefixd.dhcp6.codec.InformationRefreshTime(60)), now);
        assertEquals(LeaseEvent.Kind.INFORMED, step.event().orElseThrow().kind());
        assertEquals(List.of(ip("2001:db8::53")), step.event().get().lease().dnsServers());
        assertEquals(now.plusSeconds(600), step.wakeAt().orElseThrow(), "a refresh time under 600 s counts as 600 (§21.23)");
        assertEquals(MessageType.INFORMATION_REQUEST, s.timer(now.plusSeconds(600)).send().get(0).type());
    }
}
