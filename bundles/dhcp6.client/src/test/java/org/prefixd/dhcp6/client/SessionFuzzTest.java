package org.prefixd.dhcp6.client;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.net.Inet6Address;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.prefixd.dhcp6.codec.Authentication;
import org.prefixd.dhcp6.codec.Bytes;
import org.prefixd.dhcp6.codec.ClientId;
import org.prefixd.dhcp6.codec.ClientServerMessage;
import org.prefixd.dhcp6.codec.DecodeException;
import org.prefixd.dhcp6.codec.Dhcp6Codec;
import org.prefixd.dhcp6.codec.DnsServers;
import org.prefixd.dhcp6.codec.Duid;
import org.prefixd.dhcp6.codec.ElapsedTime;
import org.prefixd.dhcp6.codec.IaAddress;
import org.prefixd.dhcp6.codec.IaNa;
import org.prefixd.dhcp6.codec.IaPd;
import org.prefixd.dhcp6.codec.IaPrefix;
import org.prefixd.dhcp6.codec.InfMaxRt;
import org.prefixd.dhcp6.codec.InformationRefreshTime;
import org.prefixd.dhcp6.codec.Message;
import org.prefixd.dhcp6.codec.MessageType;
import org.prefixd.dhcp6.codec.Option;
import org.prefixd.dhcp6.codec.Options;
import org.prefixd.dhcp6.codec.Preference;
import org.prefixd.dhcp6.codec.RapidCommit;
import org.prefixd.dhcp6.codec.ServerId;
import org.prefixd.dhcp6.codec.SolMaxRt;
import org.prefixd.dhcp6.codec.StatusCode;

/**
 * The client session driven by a hostile or broken server and an impatient owner, on a
 * virtual clock that only goes forward. Settings come from the data (IA_NA or not, one or two
 * IA_PDs, Rapid Commit, first-Solicit delay, stateless, Reconfigure, a preferred server, a
 * resumed lease); then up to 200 events: Advertises and Replies built from the codec's option
 * records (arbitrary lifetimes, T1/T2, status codes, prefixes, addresses and servers, usually
 * with the transaction id of the last message sent), raw packets through {@link Dhcp6Codec},
 * timers at the asked time or later, Renew/Release/Decline on demand, signed and unsigned
 * Reconfigures.
 *
 * <p>After every step: no exception; the next wake-up is not in the past and exists while the
 * session has something to do; a Solicit is never retransmitted sooner than RFC 8415 §15 and
 * §18.2.1 allow (first RT strictly above IRT, then at least 1.9 times the previous lower bound,
 * capped at 0.9 SOL_MAX_RT), other messages never sooner than 0.9 IRT, nor more often than
 * their MRC, and with the right Elapsed Time; two Solicits never go out at the same instant
 * (unless the owner asks for the second);
 * after a timer the session holds nothing past its valid lifetime; every lease in an event has
 * preferred ≤ valid and T1 ≤ T2, nothing expired (except in EXPIRED and RELEASED), only IAs
 * asked for, and only addresses and prefixes some Reply (or the resumed lease) offered, valid
 * no longer than offered; after a Reply that binds, the session does not transmit at once
 * (§14.2).
 *
 * <p>In plain {@code mvn test} this runs the files of
 * {@code src/test/resources/org/prefixd/dhcp6/client/SessionFuzzTestInputs/sessionKeepsItsPromises/}
 * (seeds, and every reproducer the fuzzer wrote: keep them). To fuzz, from the workspace root:
 * {@code JAZZER_FUZZ=1 ./mvnw -B -o -pl bundles/dhcp6.client -am test -Dtest=SessionFuzzTest -Dsurefire.failIfNoSpecifiedTests=false}
 * — for {@code maxDuration}, or {@code JAZZER_MAX_DURATION=2m} — it stops at the first finding
 * and writes its reproducer there; the corpus grows in {@code bundles/dhcp6.client/.cifuzz-corpus/}.
 */
class SessionFuzzTest {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    /** The clock stops here: long before LeaseTimes.FOREVER (9999), the time that never comes. */
    private static final Instant CLOCK_END = Instant.parse("2500-01-01T00:00:00Z");
    private static final Duid CLIENT = new Duid.Uuid(UUID.fromString("6f0b6f0e-1d2c-4b7a-9a55-0f0e0d0c0b0a"));
    private static final Duid[] SERVERS = {new Duid.Enterprise(2495, Bytes.fromHex("01")), new Duid.Enterprise(2495, Bytes.fromHex("02")),
            new Duid.LinkLayer(1, Bytes.fromHex("020000000001"))};
    private static final long[] IAIDS = {0, 1, 2, 0xffffffffL};
    /** Delegable ones first; then ones ReplyReader must set aside. */
    private static final Inet6Address[] PREFIXES = {ip("2001:db8:100::"), ip("2001:db8:200::"), ip("2001:db8:100:8000::"), ip("2a00::"),
            ip("fe80::"), ip("ff02::"), ip("::"), ip("::ffff:192.0.2.0")};
    private static final int[] LENGTHS = {56, 48, 64, 60, 16, 0, 8, 65, 128};
    private static final Inet6Address[] ADDRESSES = {ip("2001:db8::1"), ip("2001:db8::2"), ip("2001:db8::3"), ip("fe80::1"), ip("ff02::1"),
            ip("::1"), ip("::"), ip("::ffff:192.0.2.1"), ip("fec0::1")};

    @FuzzTest(maxDuration = "10m")
    void sessionKeepsItsPromises(FuzzedDataProvider data) {
        new Run(data).go();
    }

    private static Inet6Address ip(String text) {
        return org.prefixd.api.Ipv6Text.parse(text); // IPv4 texts come back IPv4-mapped
    }

    /** One session and what the harness knows about it. */
    private static final class Run {
        private final FuzzedDataProvider data;
        private final SessionSettings settings;
        private final Session session;
        /** What happened, formatted only when an invariant fails. */
        private final List<Supplier<String>> trace = new ArrayList<>();
        private Instant now = T0;
        private Optional<Instant> wakeAt = Optional.empty();
        private int counter = 0x100;
        private int lastXid = -1;

        /** Per address ("A 2001:db8::1") or prefix ("P 2001:db8:100::/56"): the latest valid and preferred ends a Reply offered. */
        private final Map<String, Instant> offeredValid = new HashMap<>();
        private final Map<String, Instant> offeredPreferred = new HashMap<>();
        private final Set<Duid> replyServers = new HashSet<>();
        /** The last message sent, when, and what the retransmission rules allow of the next one. */
        private ClientServerMessage lastSent;
        private Instant lastSentAt;
        private Instant transactionStart;
        private int transmissions;
        private Duration solicitLowerBound;
        private Instant lastSolicitAt;
        private Duration solicitMaxRtFloor = Duration.ofSeconds(3600);
        private Instant lastCheck;

        Run(FuzzedDataProvider data) {
            this.data = data;
            boolean stateless = data.consumeInt(0, 3) == 0;
            Optional<Long> na = Optional.empty();
            List<SessionSettings.PdRequest> pds = new ArrayList<>();
            if (!stateless) {
                if (data.consumeBoolean()) na = Optional.of(IAIDS[data.consumeInt(0, IAIDS.length - 1)]);
                int first = data.consumeInt(0, IAIDS.length - 1);
                int count = data.consumeInt(1, 2);
                for (int i = 0; i < count; i++) {
                    int hint = new int[] {0, 56, 48, 64, 60}[data.consumeInt(0, 4)];
                    Optional<Inet6Address> hinted = hint > 0 && data.consumeBoolean() ? Optional.of(PREFIXES[0]) : Optional.empty();
                    pds.add(new SessionSettings.PdRequest(IAIDS[(first + i) % IAIDS.length], hint, hinted));
                }
            }
            boolean rapidCommit = data.consumeBoolean();
            boolean delay = data.consumeBoolean();
            boolean reconfigure = data.consumeBoolean();
            Optional<Duid> preferred = data.consumeInt(0, 3) == 0 ? Optional.of(SERVERS[data.consumeInt(0, SERVERS.length - 1)]) : Optional.empty();
            settings = new SessionSettings(CLIENT, na, pds, rapidCommit, delay, List.of(), List.of(), preferred, stateless, reconfigure);
            session = new Session(settings, this::random, this::xid);
            String shown = settings.toString();
            trace.add(() -> shown);
        }

        /** Uniform in [0, 1), as Math.random: 24 bits from the data (0 once it runs out). */
        private double random() {
            return data.consumeInt(0, (1 << 24) - 1) / (double) (1 << 24);
        }

        /** Transaction ids from the data or a counter, never the previous one again: a resend is then recognised by its id. */
        private int xid() {
            int x = (data.consumeBoolean() ? data.consumeInt() : ++counter) & 0xffffff;
            if (x == lastXid) x = (x + 1) & 0xffffff;
            lastXid = x;
            return x;
        }

        void go() {
            Optional<Lease> resumed = Optional.empty();
            if (!settings.stateless() && data.consumeInt(0, 3) == 0) resumed = Optional.of(resumedLease());
            Session.Resume how = data.pickValue(Session.Resume.values());
            boolean resuming = resumed.isPresent();
            trace.add(() -> "start resumed=" + resuming + " how=" + how);
            check(session.start(now, resumed, how), "start", false);
            for (int i = 0; i < 200 && data.remainingBytes() > 0; i++) {
                switch (data.consumeInt(0, 11)) {
                    case 0, 1, 2 -> answer();
                    case 3, 4 -> timerAtWake(data.consumeInt(1, 8));
                    case 5 -> later();
                    case 6 -> rawPacket();
                    case 7 -> act("renewNow", session.renewNow(now));
                    case 8 -> act("release", session.release(now));
                    case 9 -> decline();
                    case 10 -> signedReconfigure();
                    default -> {
                        advance();
                        timerAtWake(1);
                    }
                }
            }
        }

        private Lease resumedLease() {
            Instant validUntil = now.plusSeconds(data.consumeLong(-100, 100_000));
            Instant preferredUntil = validUntil.minusSeconds(data.consumeLong(0, 100_000));
            Instant renewAt = now.plusSeconds(data.consumeLong(-100_000, 100_000));
            Instant rebindAt = renewAt.plusSeconds(data.consumeLong(0, 100_000));
            List<IaBinding> ias = new ArrayList<>();
            Duid server = SERVERS[data.consumeInt(0, SERVERS.length - 1)];
            replyServers.add(server);
            settings.naIaid().ifPresent(iaid -> {
                offer("A " + ADDRESSES[0].getHostAddress(), preferredUntil, validUntil);
                ias.add(new IaBinding(IaBinding.Type.NA, iaid, renewAt, rebindAt, List.of(new LeasedAddress(ADDRESSES[0], preferredUntil, validUntil)), List.of()));
            });
            SessionSettings.PdRequest pd = settings.pd().get(0);
            offer("P " + PREFIXES[0].getHostAddress() + "/56", preferredUntil, validUntil);
            ias.add(new IaBinding(IaBinding.Type.PD, pd.iaid(), renewAt, rebindAt, List.of(), List.of(new LeasedPrefix(PREFIXES[0], 56, preferredUntil, validUntil))));
            return new Lease(server, ias, ServerInformation.NONE, Optional.empty());
        }

        private void offer(String key, Instant preferredUntil, Instant validUntil) {
            offeredValid.merge(key, validUntil, (a, b) -> a.isAfter(b) ? a : b);
            offeredPreferred.merge(key, preferredUntil, (a, b) -> a.isAfter(b) ? a : b);
        }

        /**
         * Sometimes milliseconds, seconds or years pass before the next event. A timer that came
         * due meanwhile fires first, late (the event loop was busy, the machine was suspended).
         */
        private void advance() {
            Instant before = now;
            switch (data.consumeInt(0, 3)) {
                case 0 -> now = now.plusMillis(data.consumeInt(0, 2_000));
                case 1 -> now = now.plusSeconds(data.consumeLong(0, 100_000));
                case 2 -> now = now.plusSeconds(data.consumeLong(0, 0x1_0000_0000L));
                default -> {
                }
            }
            if (now.isAfter(CLOCK_END)) now = before.isAfter(CLOCK_END) ? before : CLOCK_END;
            lateTimer();
        }

        private void lateTimer() {
            if (wakeAt.isPresent() && wakeAt.get().isBefore(now)) {
                Instant at = now;
                trace.add(() -> "late timer at " + at);
                check(session.timer(now), "timer", false);
            }
        }

        private void timerAtWake(int times) {
            for (int i = 0; i < times; i++) {
                if (wakeAt.isEmpty()) return;
                // The transport schedules in whole milliseconds and may be a little early or late.
                Instant due = wakeAt.get().plusMillis(data.consumeInt(-1, 1));
                if (due.isAfter(CLOCK_END)) return;
                if (due.isAfter(now)) now = due;
                Instant at = now;
            trace.add(() -> "timer at " + at);
                check(session.timer(now), "timer", false);
            }
        }

        /** The timer at an arbitrary later time: late, or early (the session must then just wait). */
        private void later() {
            advance();
            Instant at = now;
            trace.add(() -> "timer at " + at);
            check(session.timer(now), "timer", false);
        }

        private void act(String what, Session.Step step) {
            Instant at = now;
            trace.add(() -> what + " at " + at);
            check(step, what, false);
        }

        /**
         * Duplicate address detection declines an address 3 or 8 s after it was set
         * (ClientComponent.DAD_CHECKS), never in the instant it was bound.
         */
        private void decline() {
            now = now.plusSeconds(data.consumeBoolean() ? 8 : 3);
            lateTimer();
            Optional<Inet6Address> address = session.lease().flatMap(l -> l.addresses().stream().findFirst()).map(LeasedAddress::address);
            Inet6Address declined = data.consumeBoolean() && address.isPresent() ? address.get() : ADDRESSES[data.consumeInt(0, ADDRESSES.length - 1)];
            Instant at = now;
            trace.add(() -> "decline " + declined.getHostAddress() + " at " + at);
            check(session.decline(declined, now), "decline", false);
        }

        private void signedReconfigure() {
            Optional<ReconfigureKey> key = session.lease().flatMap(Lease::reconfigureKey);
            if (key.isEmpty()) return;
            int asked = new int[] {MessageType.RENEW.code(), MessageType.REBIND.code(), MessageType.INFORMATION_REQUEST.code(), 7}[data.consumeInt(0, 3)];
            long replay = key.get().lastReplay() + data.consumeLong(0, 2);
            byte[] raw = ReconfigureCheckTest.reconfigure(session.lease().get().server(), CLIENT, asked, replay, key.get().key());
            Instant at = now;
            trace.add(() -> "signed Reconfigure asking " + asked + " replay " + replay + " at " + at);
            try {
                check(session.reconfigure(raw, (ClientServerMessage) Dhcp6Codec.decode(raw), now), "reconfigure", false);
            } catch (DecodeException e) {
                throw new AssertionError("the test's own Reconfigure does not decode", e);
            }
        }

        private void rawPacket() {
            byte[] raw = data.consumeBytes(data.consumeInt(0, 400));
            if (raw.length >= 4 && lastSent != null && data.consumeBoolean()) {
                raw[1] = (byte) (lastSent.transactionId() >> 16);
                raw[2] = (byte) (lastSent.transactionId() >> 8);
                raw[3] = (byte) lastSent.transactionId();
            }
            Message decoded;
            try {
                decoded = Dhcp6Codec.decode(raw);
            } catch (DecodeException e) {
                return;
            }
            if (!(decoded instanceof ClientServerMessage message)) return;
            advance();
            deliver(message, raw);
        }

        private void deliver(ClientServerMessage message, byte[] raw) {
            Instant at = now;
            trace.add(() -> "received " + message + " at " + at);
            if (message.type() == MessageType.RECONFIGURE) {
                check(session.reconfigure(raw, message, now), "reconfigure", false);
                return;
            }
            if (message.type() == MessageType.REPLY) noteOffers(message);
            check(session.received(message, now), "received", message.type() == MessageType.REPLY);
        }

        /** What a Reply offers, whether or not the session takes it: the upper bound of what a lease may hold. */
        private void noteOffers(ClientServerMessage reply) {
            reply.options().get(ServerId.class).ifPresent(s -> replyServers.add(s.duid()));
            for (IaNa na : reply.options().all(IaNa.class))
                for (IaAddress a : na.addresses())
                    offer("A " + a.address().getHostAddress(), LeaseTimes.at(now, a.preferredLifetime()), LeaseTimes.at(now, a.validLifetime()));
            for (IaPd pd : reply.options().all(IaPd.class))
                for (IaPrefix p : pd.prefixes())
                    offer("P " + p.prefix().getHostAddress() + "/" + p.prefixLength(), LeaseTimes.at(now, p.preferredLifetime()),
                            LeaseTimes.at(now, p.validLifetime()));
        }

        /** An Advertise or Reply built from option records: well-formed, with arbitrary values. */
        private void answer() {
            MessageType type = data.consumeInt(0, 2) == 0 ? MessageType.ADVERTISE : MessageType.REPLY;
            int xid = lastSent == null || data.consumeInt(0, 7) == 0 ? data.consumeInt(0, 0xffffff) : lastSent.transactionId();
            List<Option> options = new ArrayList<>();
            int ids = data.consumeInt(0, 15);
            if (ids != 1) options.add(new ClientId(ids == 2 ? SERVERS[0] : CLIENT));
            if (ids != 3) options.add(new ServerId(SERVERS[data.consumeInt(0, SERVERS.length - 1)]));
            int ias = data.consumeInt(0, 3);
            for (int i = 0; i < ias; i++) options.add(data.consumeBoolean() ? iaPd() : iaNa());
            if (data.consumeInt(0, 3) == 0) options.add(status());
            if (data.consumeBoolean()) options.add(new Preference(data.consumeBoolean() ? 255 : data.consumeInt(0, 255)));
            if (data.consumeBoolean()) options.add(new RapidCommit());
            if (data.consumeInt(0, 7) == 0) {
                long s = lifetime();
                solicitMaxRtFloor = Duration.ofSeconds(60); // the least SOL_MAX_RT ReplyReader takes (§21.24)
                options.add(new SolMaxRt(s));
            }
            if (data.consumeInt(0, 7) == 0) options.add(new InfMaxRt(lifetime()));
            if (data.consumeInt(0, 7) == 0) options.add(new InformationRefreshTime(lifetime()));
            if (data.consumeInt(0, 7) == 0) options.add(new DnsServers(List.of(ADDRESSES[data.consumeInt(0, ADDRESSES.length - 1)])));
            if (data.consumeInt(0, 3) == 0) {
                byte[] info = new byte[17];
                info[0] = (byte) data.consumeInt(1, 2);
                byte[] key = data.consumeBytes(16);
                System.arraycopy(key, 0, info, 1, key.length);
                options.add(new Authentication(Authentication.PROTOCOL_RECONFIGURE_KEY, data.consumeInt(0, 2), Authentication.RDM_MONOTONIC,
                        data.consumeLong(0, 3), Bytes.of(info)));
            }
            advance();
            ClientServerMessage message = new ClientServerMessage(type, xid, Options.of(options));
            deliver(message, Dhcp6Codec.encode(message));
        }

        private long iaid(boolean pd) {
            int pick = data.consumeInt(0, 7);
            if (pick == 7) return IAIDS[data.consumeInt(0, IAIDS.length - 1)];
            if (pd) return settings.pd().isEmpty() ? 1 : settings.pd().get(pick % settings.pd().size()).iaid();
            return settings.naIaid().orElse(1L);
        }

        private long t() {
            return data.consumeInt(0, 3) == 0 ? 0 : lifetime();
        }

        /** 0, 1 s, a few minutes, anything, or infinity. */
        private long lifetime() {
            return switch (data.consumeInt(0, 5)) {
                case 0 -> 0;
                case 1 -> data.consumeLong(1, 10);
                case 2, 3 -> data.consumeLong(1, 7_200);
                case 4 -> data.consumeLong(0, 0xffffffffL);
                default -> 0xffffffffL;
            };
        }

        private StatusCode status() {
            return StatusCode.of(data.consumeInt(0, 3) == 0 ? data.consumeInt(0, 0xffff) : data.consumeInt(0, 6), "fuzz");
        }

        private IaPd iaPd() {
            long iaid = iaid(true);
            long t1 = t(), t2 = t();
            List<Option> inner = new ArrayList<>();
            int n = data.consumeInt(0, 3);
            for (int i = 0; i < n; i++) {
                long preferred = lifetime(), valid = lifetime();
                Inet6Address prefix = data.consumeInt(0, 3) == 0 ? PREFIXES[data.consumeInt(0, PREFIXES.length - 1)] : PREFIXES[data.consumeInt(0, 1)];
                int length = data.consumeInt(0, 3) == 0 ? LENGTHS[data.consumeInt(0, LENGTHS.length - 1)] : 56;
                inner.add(new IaPrefix(preferred, valid, length, prefix, data.consumeInt(0, 7) == 0 ? Options.of(status()) : Options.NONE));
            }
            if (data.consumeInt(0, 3) == 0) inner.add(status());
            return new IaPd(iaid, t1, t2, Options.of(inner));
        }

        private IaNa iaNa() {
            long iaid = iaid(false);
            long t1 = t(), t2 = t();
            List<Option> inner = new ArrayList<>();
            int n = data.consumeInt(0, 3);
            for (int i = 0; i < n; i++) {
                long preferred = lifetime(), valid = lifetime();
                Inet6Address address = data.consumeInt(0, 3) == 0 ? ADDRESSES[data.consumeInt(0, ADDRESSES.length - 1)] : ADDRESSES[data.consumeInt(0, 2)];
                inner.add(new IaAddress(address, preferred, valid, data.consumeInt(0, 7) == 0 ? Options.of(status()) : Options.NONE));
            }
            if (data.consumeInt(0, 3) == 0) inner.add(status());
            return new IaNa(iaid, t1, t2, Options.of(inner));
        }

        // ---------------------------------------------------------------- invariants

        private void check(Session.Step step, String what, boolean aReply) {
            require(lastCheck == null || !now.isBefore(lastCheck), "the test's clock went back from " + lastCheck + " to " + now);
            lastCheck = now;
            Session.State after = session.state();
            trace.add(() -> "  -> " + after + " send=" + step.send() + " wake=" + step.wakeAt().orElse(null)
                    + " event=" + step.event().map(e -> e.kind() + " " + e.lease()).orElse(null) + " (" + step.note() + ")");
            step.wakeAt().ifPresent(w -> require(!w.isBefore(now), "wakeAt " + w + " is before now " + now));
            Session.State state = session.state();
            if (state != Session.State.IDLE && state != Session.State.RELEASED)
                require(step.wakeAt().isPresent(), "no wakeAt in state " + state + ": the session would never act again");
            require(step.send().size() <= 1, "more than one message in one step");
            for (ClientServerMessage m : step.send()) sent(m, what);
            step.event().ifPresent(e -> event(e, what));
            if (what.equals("timer"))
                for (IaBinding ia : session.lease().map(Lease::ias).orElse(List.of())) {
                    for (LeasedAddress a : ia.addresses())
                        require(a.validUntil().isAfter(now), "the session holds " + a + " after its valid lifetime, at a timer");
                    for (LeasedPrefix p : ia.prefixes())
                        require(p.validUntil().isAfter(now), "the session holds " + p + " after its valid lifetime, at a timer");
                }
            // Unless a retransmission was due at this very instant anyway.
            boolean wasDue = wakeAt.isPresent() && !wakeAt.get().isAfter(now);
            if (aReply && step.event().isPresent() && binds(step.event().get().kind()) && !wasDue)
                require(step.wakeAt().orElseThrow().isAfter(now), "a Reply that binds is followed at once by another transmission (RFC 8415 §14.2: MUST NOT transmit immediately)");
            wakeAt = step.wakeAt();
        }

        private static boolean binds(LeaseEvent.Kind kind) {
            return kind == LeaseEvent.Kind.BOUND || kind == LeaseEvent.Kind.RENEWED || kind == LeaseEvent.Kind.REBOUND;
        }

        private void sent(ClientServerMessage m, String what) {
            int elapsed = m.options().get(ElapsedTime.class).map(ElapsedTime::hundredths).orElse(-1);
            boolean resend = lastSent != null && m.transactionId() == lastSent.transactionId() && m.type() == lastSent.type();
            if (resend) {
                Duration interval = Duration.between(lastSentAt, now);
                transmissions++;
                if (m.type() == MessageType.SOLICIT) {
                    // §18.2.1: the first RT strictly above IRT; §15: RT = 2 RTprev + RAND RTprev >= 1.9 RTprev, or MRT + RAND MRT >= 0.9 MRT.
                    boolean first = transmissions == 2;
                    require(first ? interval.compareTo(solicitLowerBound) > 0 : interval.compareTo(solicitLowerBound.minusNanos(transmissions)) >= 0,
                            "Solicit retransmission " + transmissions + " after " + interval + ", less than " + solicitLowerBound);
                    Duration next = Duration.ofNanos((long) (solicitLowerBound.toNanos() * 1.9));
                    Duration cap = Duration.ofNanos((long) (solicitMaxRtFloor.toNanos() * 0.9));
                    solicitLowerBound = next.compareTo(cap) > 0 ? cap : next;
                } else {
                    Duration irt = irt(m.type());
                    require(interval.compareTo(Duration.ofNanos((long) (irt.toNanos() * 0.9)).minusNanos(1)) >= 0,
                            m.type() + " retransmitted after " + interval + ", less than 0.9 IRT (" + irt + ")");
                    int mrc = mrc(m.type());
                    require(mrc == 0 || transmissions <= mrc, m.type() + " sent " + transmissions + " times, MRC is " + mrc);
                }
                long expected = Math.min(0xffff, Duration.between(transactionStart, now).toMillis() / 10);
                require(elapsed == expected, "Elapsed Time " + elapsed + " in a retransmission " + Duration.between(transactionStart, now) + " after the first");
            } else {
                transmissions = 1;
                transactionStart = now;
                require(elapsed == 0, "Elapsed Time " + elapsed + " in the first transmission");
                if (m.type() == MessageType.SOLICIT) {
                    // Unless the owner asks for it (`prefixd release` then `prefixd renew`).
                    require(lastSolicitAt == null || lastSolicitAt.isBefore(now) || what.equals("renewNow"), "two Solicits at the same instant " + now);
                    solicitLowerBound = RetransmissionParameters.SOLICIT.irt;
                }
            }
            if (m.type() == MessageType.SOLICIT) lastSolicitAt = now;
            lastSent = m;
            lastSentAt = now;
        }

        private static Duration irt(MessageType type) {
            return switch (type) {
                case RENEW -> RetransmissionParameters.RENEW.irt;
                case REBIND -> RetransmissionParameters.REBIND.irt;
                default -> Duration.ofSeconds(1);
            };
        }

        private static int mrc(MessageType type) {
            return switch (type) {
                case REQUEST -> RetransmissionParameters.REQUEST.mrc;
                case RELEASE -> RetransmissionParameters.RELEASE.mrc;
                case DECLINE -> RetransmissionParameters.DECLINE.mrc;
                default -> 0;
            };
        }

        private void event(LeaseEvent event, String what) {
            Lease lease = event.lease();
            LeaseEvent.Kind kind = event.kind();
            boolean current = kind != LeaseEvent.Kind.EXPIRED && kind != LeaseEvent.Kind.RELEASED;
            require(!lease.renewAt().isAfter(lease.rebindAt()), kind + " lease renews at " + lease.renewAt() + ", after it rebinds at " + lease.rebindAt());
            for (IaBinding ia : lease.ias()) {
                require(!ia.renewAt().isAfter(ia.rebindAt()), kind + " " + ia.type() + " " + ia.iaid() + ": T1 " + ia.renewAt() + " after T2 " + ia.rebindAt());
                boolean asked = ia.type() == IaBinding.Type.NA ? settings.naIaid().map(i -> i == ia.iaid()).orElse(false)
                        : settings.pd().stream().anyMatch(p -> p.iaid() == ia.iaid());
                require(asked, kind + " lease holds " + ia.type() + " " + ia.iaid() + ", not asked for");
                for (LeasedAddress a : ia.addresses()) item(kind, current, "A " + a.address().getHostAddress(), a.preferredUntil(), a.validUntil(),
                        ReplyReader.notGlobalUnicast(a.address()));
                for (LeasedPrefix p : ia.prefixes()) {
                    require(p.length() >= ReplyReader.SHORTEST_DELEGATED_PREFIX && p.length() <= ReplyReader.LONGEST_DELEGATED_PREFIX,
                            kind + " lease holds a /" + p.length());
                    item(kind, current, "P " + p.prefix().getHostAddress() + "/" + p.length(), p.preferredUntil(), p.validUntil(),
                            ReplyReader.notGlobalUnicast(p.prefix()));
                }
            }
            if (kind == LeaseEvent.Kind.INFORMED) require(lease.ias().isEmpty(), "stateless information with IAs");
            else require(replyServers.contains(lease.server()), kind + " lease from server " + lease.server() + ", which sent no Reply");
            if (binds(kind)) require(!lease.isEmpty(), kind + " with an empty lease");
            if (current) require(session.lease().equals(Optional.of(lease)), kind + " event's lease is not the session's lease " + session.lease());
            else require(session.lease().isEmpty(), kind + " but the session still holds " + session.lease());
        }

        private void item(LeaseEvent.Kind kind, boolean current, String key, Instant preferredUntil, Instant validUntil, String notUnicast) {
            require(!preferredUntil.isAfter(validUntil), kind + " " + key + ": preferred until " + preferredUntil + ", after valid until " + validUntil);
            require(notUnicast == null, kind + " " + key + ": " + notUnicast);
            if (current) require(validUntil.isAfter(now), kind + " " + key + " already expired at " + validUntil + " (now " + now + ")");
            Instant offered = offeredValid.get(key);
            require(offered != null, kind + " " + key + " was never offered by a Reply");
            require(!validUntil.isAfter(offered), kind + " " + key + " valid until " + validUntil + ", beyond the " + offered + " offered");
            require(!preferredUntil.isAfter(offeredPreferred.get(key)), kind + " " + key + " preferred until " + preferredUntil + ", beyond the "
                    + offeredPreferred.get(key) + " offered");
        }

        private void require(boolean condition, String what) {
            if (condition) return;
            int from = Math.max(0, trace.size() - 40);
            StringBuilder text = new StringBuilder(what).append("\n  settings and last steps:\n    ").append(trace.get(0).get());
            for (Supplier<String> line : trace.subList(Math.max(1, from), trace.size())) text.append("\n    ").append(line.get());
            throw new AssertionError(text);
        }
    }
}
