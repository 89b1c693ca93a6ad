package org.prefixd.dhcp6.client;

import java.net.Inet4Address;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.function.IntSupplier;

import org.prefixd.api.ReceivedOption;
import org.prefixd.dhcp6.codec.Bytes;
import org.prefixd.dhcp6.codec.Dhcp4Codec;
import org.prefixd.dhcp6.codec.Dhcp4MessageType;
import org.prefixd.dhcp6.codec.Dhcp4Option;
import org.prefixd.dhcp6.codec.Dhcp4Options;
import org.prefixd.dhcp6.codec.Dhcp4Packet;

/**
 * The DHCPv4 client of one link (RFC 2131 §4.4), as DHCPv4-over-DHCPv6 carries it (RFC 7341): a
 * pure state machine like {@link Session}. It is given events with their time and answers with
 * a {@link Step}: the DHCPv4 messages to send, each with the unicast flag RFC 7341 §6.1 asks
 * for (set where native DHCPv4 would unicast: the REQUEST at T1 and the RELEASE), when to call
 * {@link #timer} next, and the lease change.
 *
 * <p>Covered: DISCOVER, the first acceptable OFFER, REQUEST (SELECTING), DHCPACK and DHCPNAK;
 * REQUEST at T1 (RENEWING) and T2 (REBINDING), retransmitted at half the time left, at least
 * 60 s apart (§4.4.5); expiry; a kept lease checked at start with an INIT-REBOOT REQUEST and
 * used meanwhile (§3.2: kept when nobody answers); DHCPRELEASE; DHCPDECLINE of an address found
 * in use, then DISCOVER after 10 s (§3.1.5). Retransmission per §4.1: 4, 8, 16, 32, 64 s, ±1 s.
 */
public final class Dhcp4Session {
    public enum State { IDLE, SELECTING, REQUESTING, REBOOTING, BOUND, RENEWING, REBINDING, DECLINED, RELEASED }

    /** A message to send and whether RFC 7341's unicast flag goes with it. */
    public record Send(Dhcp4Packet packet, boolean unicast) {
    }

    /** What the caller must do after an event; {@code note} says why, for the log. */
    public record Step(List<Send> send, Optional<Instant> wakeAt, Optional<Lease4Event> event, String note) {
        public Step {
            send = List.copyOf(send);
            Objects.requireNonNull(wakeAt, "wakeAt");
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(note, "note");
        }
    }

    /** Below this a lease would make the client ask again all the time: such an ACK is ignored. */
    static final Duration MIN_LEASE = Duration.ofSeconds(8);
    /** RFC 2131 §4.4.5: retransmissions in RENEWING and REBINDING at least this far apart. */
    static final Duration MIN_RENEW_RETRANSMISSION = Duration.ofSeconds(60);
    /** RFC 2131 §3.1.5: after a DECLINE, wait this long before DISCOVER again. */
    static final Duration DECLINE_WAIT = Duration.ofSeconds(10);
    /** REQUESTs sent in SELECTING and INIT-REBOOT before giving up on them (§4.1's example schedule: 4 to 32 s). */
    static final int MAX_REQUESTS = 4;
    /** The options prefixd reads itself; others asked for are handed on as {@link ReceivedOption}s. */
    private static final int[] INTERPRETED = {Dhcp4Option.PAD, Dhcp4Option.SUBNET_MASK, Dhcp4Option.ROUTER, Dhcp4Option.DNS_SERVERS,
            Dhcp4Option.REQUESTED_ADDRESS, Dhcp4Option.LEASE_TIME, Dhcp4Option.OVERLOAD, Dhcp4Option.MESSAGE_TYPE, Dhcp4Option.SERVER_ID,
            Dhcp4Option.PARAMETER_REQUEST_LIST, Dhcp4Option.MESSAGE, Dhcp4Option.MAX_MESSAGE_SIZE, Dhcp4Option.RENEWAL_TIME,
            Dhcp4Option.REBINDING_TIME, Dhcp4Option.CLIENT_ID};

    private final Dhcp4Settings settings;
    private final DoubleSupplier random;
    private final IntSupplier xids;

    private State state = State.IDLE;
    private Optional<Lease4> lease = Optional.empty();
    private int xid;
    private Instant exchangeStarted;
    private int transmissions;
    private Instant retransmitAt;
    /** The OFFER being requested (SELECTING → REQUESTING). */
    private Dhcp4Packet offer;

    /**
     * @param random uniform in [0, 1), for the ±1 s of the retransmission times
     * @param xids transaction ids
     */
    public Dhcp4Session(Dhcp4Settings settings, DoubleSupplier random, IntSupplier xids) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.random = Objects.requireNonNull(random, "random");
        this.xids = Objects.requireNonNull(xids, "xids");
    }

    public State state() {
        return state;
    }

    public Optional<Lease4> lease() {
        return lease;
    }

    /**
     * The 4o6 server became known: a kept lease still valid is used at once; when the link was
     * watched all along it is renewed at T1, otherwise it is checked with an INIT-REBOOT REQUEST
     * (never a DISCOVER). Without one: DISCOVER.
     */
    public Step start(Instant now, Optional<Lease4> kept, Session.Resume how) {
        Objects.requireNonNull(how, "how");
        Optional<Lease4> valid = kept.filter(l -> !l.expired(now));
        if (valid.isEmpty()) return discover(now, "no lease");
        lease = valid;
        Optional<Lease4Event> resumed = Optional.of(new Lease4Event(Lease4Event.Kind.RESUMED, valid.get()));
        if (how == Session.Resume.WATCHED) {
            state = State.BOUND;
            Step timers = leaseTimer(now);
            return new Step(timers.send(), timers.wakeAt(), resumed, "resumed the lease");
        }
        Step reboot = begin(State.REBOOTING, now, "INIT-REBOOT (" + (how == Session.Resume.LINK_RETURNED ? "link returned" : "prefixd started") + ")");
        return new Step(reboot.send(), reboot.wakeAt(), resumed, reboot.note());
    }

    /** A DHCPv4 message from a DHCPv4-response. */
    public Step received(Dhcp4Packet message, Instant now) {
        if (message.op() != Dhcp4Packet.BOOTREPLY) return idle("ignored: not a BOOTREPLY");
        if (message.xid() != xid || retransmitAt == null) return idle("ignored: not an answer to a transaction of ours");
        if (!settings.hardwareAddress().equals(message.hardwareAddress()) && settings.hardwareAddress().length() > 0)
            return idle("ignored: for another hardware address (" + message.hardwareAddress() + ")");
        Dhcp4MessageType type = message.type();
        if (type == Dhcp4MessageType.OFFER) return state == State.SELECTING ? onOffer(message, now) : idle("ignored: a DHCPOFFER while " + state);
        if (type == Dhcp4MessageType.NAK) return onNak(message, now);
        if (type != Dhcp4MessageType.ACK) return idle("ignored: a " + type.rfcName() + " from a server");
        return switch (state) {
            case REQUESTING, REBOOTING, RENEWING, REBINDING -> onAck(message, now);
            default -> idle("ignored: a DHCPACK while " + state);
        };
    }

    /** The time asked for in the last {@link Step#wakeAt()} has come. */
    public Step timer(Instant now) {
        switch (state) {
            case SELECTING:
                return now.isBefore(retransmitAt) ? idle("waiting for an OFFER") : retransmit(now);
            case REQUESTING:
                if (now.isBefore(retransmitAt)) return idle("waiting for the DHCPACK");
                if (transmissions >= MAX_REQUESTS) return discover(now, "no answer to the REQUEST");
                return retransmit(now);
            case REBOOTING:
                if (lease.isPresent() && lease.get().expired(now)) return expire(now);
                if (now.isBefore(retransmitAt)) return idle("waiting for the DHCPACK");
                if (transmissions >= MAX_REQUESTS) {
                    // §3.2: nobody answered; the lease is used until its times say otherwise.
                    state = State.BOUND;
                    retransmitAt = null;
                    return leaseTimer(now);
                }
                return retransmit(now);
            case BOUND:
            case RENEWING:
            case REBINDING:
                return leaseTimer(now);
            case DECLINED:
                return now.isBefore(retransmitAt) ? idle("waiting after the DHCPDECLINE") : discover(now, "10 s after the DHCPDECLINE");
            default:
                return idle("idle");
        }
    }

    /** `prefixd renew`: a REQUEST now when bound; DISCOVER when there is no lease. */
    public Step renewNow(Instant now) {
        return switch (state) {
            case BOUND -> begin(State.RENEWING, now, "REQUEST (asked to renew)");
            case IDLE, RELEASED -> discover(now, "asked to renew");
            default -> idle("busy (" + state + "): nothing to renew now");
        };
    }

    /** Gives the lease back with a DHCPRELEASE (sent once: the server does not answer one, §4.4.6). */
    public Step release(Instant now) {
        if (lease.isEmpty()) return idle("no lease to release");
        Lease4 given = lease.get();
        xid = xids.getAsInt();
        exchangeStarted = now;
        Dhcp4Packet release = build(Dhcp4MessageType.RELEASE, given.address(), List.of(
                Dhcp4Option.u32(Dhcp4Option.SERVER_ID, toLong(given.server()))), now);
        lease = Optional.empty();
        state = State.RELEASED;
        retransmitAt = null;
        return new Step(List.of(new Send(release, true)), Optional.empty(), Optional.of(new Lease4Event(Lease4Event.Kind.RELEASED, given)), "DHCPRELEASE");
    }

    /**
     * The leased address is in use by another (the router found it on one of its other
     * interfaces): a DHCPDECLINE, the lease dropped, DISCOVER again after 10 s (§3.1.5).
     */
    public Step decline(Instant now, String why) {
        if (lease.isEmpty() || (state != State.BOUND && state != State.RENEWING && state != State.REBINDING && state != State.REBOOTING))
            return idle("nothing to decline");
        Lease4 given = lease.get();
        xid = xids.getAsInt();
        exchangeStarted = now;
        Dhcp4Packet decline = build(Dhcp4MessageType.DECLINE, Dhcp4Codec.UNSPECIFIED, List.of(
                Dhcp4Option.u32(Dhcp4Option.REQUESTED_ADDRESS, toLong(given.address())),
                Dhcp4Option.u32(Dhcp4Option.SERVER_ID, toLong(given.server()))), now);
        lease = Optional.empty();
        state = State.DECLINED;
        retransmitAt = now.plus(DECLINE_WAIT);
        return new Step(List.of(new Send(decline, false)), Optional.of(retransmitAt), Optional.of(new Lease4Event(Lease4Event.Kind.DECLINED, given)),
                "DHCPDECLINE (" + why + ")");
    }

    /**
     * The DHCPv6 server no longer names a 4o6 server (option 88 left its Reply, RFC 7341 §7):
     * DHCPv4 over DHCPv6 stops, and a lease held goes with it, as if it had expired.
     */
    public Step abandon(String why) {
        state = State.IDLE;
        retransmitAt = null;
        offer = null;
        if (lease.isEmpty()) return new Step(List.of(), Optional.empty(), Optional.empty(), "stopped (" + why + ")");
        Lease4 held = lease.get();
        lease = Optional.empty();
        return new Step(List.of(), Optional.empty(), Optional.of(new Lease4Event(Lease4Event.Kind.EXPIRED, held)), "stopped (" + why + ")");
    }

    private Step onOffer(Dhcp4Packet offer, Instant now) {
        String problem = unusableAddress(offer.yiaddr());
        if (problem != null) return idle("ignored: a DHCPOFFER of " + problem);
        if (offer.options().address(Dhcp4Option.SERVER_ID).isEmpty()) return idle("ignored: a DHCPOFFER without Server Identifier");
        this.offer = offer;
        // The OFFER's xid carries on into the REQUEST (§4.4.1), the retransmission count starts again.
        state = State.REQUESTING;
        transmissions = 0;
        return transmit(now, "REQUEST " + offer.yiaddr().getHostAddress() + " (offered)");
    }

    private Step onNak(Dhcp4Packet nak, Instant now) {
        String said = nak.options().first(Dhcp4Option.MESSAGE).map(Dhcp4Session::printable).map(m -> ": \"" + m + "\"").orElse("");
        switch (state) {
            case REQUESTING:
                return discover(now, "DHCPNAK" + said);
            case REBOOTING:
            case RENEWING:
            case REBINDING:
                Lease4 held = lease.orElseThrow();
                lease = Optional.empty();
                Step again = discover(now, "DHCPNAK" + said);
                return new Step(again.send(), again.wakeAt(), Optional.of(new Lease4Event(Lease4Event.Kind.EXPIRED, held)), again.note());
            default:
                return idle("ignored: a DHCPNAK while " + state);
        }
    }

    private Step onAck(Dhcp4Packet ack, Instant now) {
        Dhcp4Options o = ack.options();
        String problem = unusableAddress(ack.yiaddr());
        if (problem != null) return idle("ignored: a DHCPACK of " + problem);
        Optional<Inet4Address> server = o.address(Dhcp4Option.SERVER_ID);
        if (server.isEmpty()) return idle("ignored: a DHCPACK without Server Identifier");
        Optional<Long> leaseSeconds = o.seconds(Dhcp4Option.LEASE_TIME);
        if (leaseSeconds.isEmpty()) return idle("ignored: a DHCPACK without IP Address Lease Time");
        if (leaseSeconds.get() < MIN_LEASE.toSeconds()) return idle("ignored: a DHCPACK with a lease of " + leaseSeconds.get() + " s, below " + MIN_LEASE.toSeconds() + " s");
        long total = leaseSeconds.get();
        long t1 = o.seconds(Dhcp4Option.RENEWAL_TIME).orElse(-1L);
        long t2 = o.seconds(Dhcp4Option.REBINDING_TIME).orElse(-1L);
        // §4.4.5: T1 defaults to half the lease, T2 to 7/8; a server's values out of order are not used.
        if (t2 <= 0 || t2 >= total) t2 = total * 7 / 8;
        if (t1 <= 0 || t1 >= t2) t1 = Math.min(total / 2, t2);
        int length = o.address(Dhcp4Option.SUBNET_MASK).map(Dhcp4Session::maskLength).orElse(32);
        if (length < 0) length = 32; // a mask that is not contiguous: the address alone
        List<Integer> setAside = new ArrayList<>();
        Lease4 next = new Lease4(server.get(), ack.yiaddr(), length, unicast(o.addresses(Dhcp4Option.ROUTER)),
                unicast(o.addresses(Dhcp4Option.DNS_SERVERS)), now, now.plusSeconds(t1), now.plusSeconds(t2), now.plusSeconds(total),
                received(o, setAside));
        Lease4Event.Kind kind = switch (state) {
            case RENEWING -> Lease4Event.Kind.RENEWED;
            case REBINDING -> Lease4Event.Kind.REBOUND;
            case REBOOTING -> Lease4Event.Kind.RENEWED;
            default -> Lease4Event.Kind.BOUND;
        };
        if (lease.isPresent() && !lease.get().address().equals(next.address())) kind = Lease4Event.Kind.BOUND;
        lease = Optional.of(next);
        state = State.BOUND;
        retransmitAt = null;
        offer = null;
        return new Step(List.of(), Optional.of(next.renewAt()), Optional.of(new Lease4Event(kind, next)),
                kind.name().toLowerCase() + " " + next.address().getHostAddress() + "/" + next.prefixLength() + " for " + total + " s"
                        + (setAside.isEmpty() ? "" : "; options " + setAside + " set aside: the lease keeps at most "
                                + ReceivedOption.MAX_BYTES_PER_LEASE + " bytes of received options"));
    }

    private Step leaseTimer(Instant now) {
        Lease4 held = lease.orElseThrow();
        if (held.expired(now)) return expire(now);
        if (state == State.BOUND && !now.isBefore(held.rebindAt())) return begin(State.REBINDING, now, "REQUEST (T2)");
        if (state == State.RENEWING && !now.isBefore(held.rebindAt())) return begin(State.REBINDING, now, "REQUEST (T2)");
        if (state == State.BOUND && !now.isBefore(held.renewAt())) return begin(State.RENEWING, now, "REQUEST (T1)");
        if ((state == State.RENEWING || state == State.REBINDING) && !now.isBefore(retransmitAt)) return retransmit(now);
        return idle("lease timers");
    }

    private Step expire(Instant now) {
        Lease4 held = lease.orElseThrow();
        lease = Optional.empty();
        Step again = discover(now, "lease expired");
        return new Step(again.send(), again.wakeAt(), Optional.of(new Lease4Event(Lease4Event.Kind.EXPIRED, held)), again.note());
    }

    private Step discover(Instant now, String why) {
        offer = null;
        return begin(State.SELECTING, now, "DISCOVER (" + why + ")");
    }

    /** A new transaction: a new xid, the first transmission. */
    private Step begin(State next, Instant now, String note) {
        state = next;
        xid = xids.getAsInt();
        exchangeStarted = now;
        transmissions = 0;
        return transmit(now, note);
    }

    private Step retransmit(Instant now) {
        return transmit(now, "retransmission " + transmissions + " (" + state + ")");
    }

    private Step transmit(Instant now, String note) {
        transmissions++;
        retransmitAt = now.plus(nextDelay(now));
        Send send = switch (state) {
            case SELECTING -> new Send(build(Dhcp4MessageType.DISCOVER, Dhcp4Codec.UNSPECIFIED, List.of(), now), false);
            case REQUESTING -> new Send(build(Dhcp4MessageType.REQUEST, Dhcp4Codec.UNSPECIFIED, List.of(
                    Dhcp4Option.u32(Dhcp4Option.REQUESTED_ADDRESS, toLong(offer.yiaddr())),
                    Dhcp4Option.u32(Dhcp4Option.SERVER_ID, toLong(offer.options().address(Dhcp4Option.SERVER_ID).orElseThrow()))), now), false);
            case REBOOTING -> new Send(build(Dhcp4MessageType.REQUEST, Dhcp4Codec.UNSPECIFIED, List.of(
                    Dhcp4Option.u32(Dhcp4Option.REQUESTED_ADDRESS, toLong(lease.orElseThrow().address()))), now), false);
            case RENEWING -> new Send(build(Dhcp4MessageType.REQUEST, lease.orElseThrow().address(), List.of(), now), true);
            case REBINDING -> new Send(build(Dhcp4MessageType.REQUEST, lease.orElseThrow().address(), List.of(), now), false);
            default -> throw new IllegalStateException("nothing to send while " + state);
        };
        return new Step(List.of(send), Optional.of(wakeAt()), Optional.empty(), note);
    }

    /** §4.1: 4 s doubling to 64 s, ±1 s; in RENEWING and REBINDING half the time left to T2 or expiry, at least 60 s (§4.4.5). */
    private Duration nextDelay(Instant now) {
        if (state == State.RENEWING || state == State.REBINDING) {
            Lease4 held = lease.orElseThrow();
            Instant until = state == State.RENEWING ? held.rebindAt() : held.validUntil();
            Duration half = Duration.between(now, until).dividedBy(2);
            return half.compareTo(MIN_RENEW_RETRANSMISSION) < 0 ? MIN_RENEW_RETRANSMISSION : half;
        }
        long base = 4000L << Math.min(transmissions - 1, 4);
        return Duration.ofMillis(base - 1000 + Math.round(random.getAsDouble() * 2000));
    }

    /** The next time anything is due: the retransmission, or a lease time when bound. */
    private Instant wakeAt() {
        Instant next = retransmitAt;
        if (lease.isPresent()) {
            Lease4 held = lease.get();
            if (state == State.BOUND) next = held.renewAt();
            if (state == State.RENEWING && held.rebindAt().isBefore(next)) next = held.rebindAt();
            if (held.validUntil().isBefore(next)) next = held.validUntil();
        }
        return next;
    }

    private Step idle(String note) {
        Optional<Instant> wake = switch (state) {
            case SELECTING, REQUESTING, REBOOTING, RENEWING, REBINDING, DECLINED, BOUND -> retransmitAt == null && lease.isEmpty() ? Optional.empty() : Optional.of(wakeAt());
            default -> Optional.empty();
        };
        return new Step(List.of(), wake, Optional.empty(), note);
    }

    /** RFC 2131 §4.4.1 and §4.4.5 (Table 5): the fields and options of each message the client sends. */
    private Dhcp4Packet build(Dhcp4MessageType type, Inet4Address ciaddr, List<Dhcp4Option> specific, Instant now) {
        List<Dhcp4Option> options = new ArrayList<>();
        options.add(Dhcp4Option.u8(Dhcp4Option.MESSAGE_TYPE, type.code()));
        options.add(new Dhcp4Option(Dhcp4Option.CLIENT_ID, settings.clientId()));
        options.addAll(specific);
        if (type == Dhcp4MessageType.DISCOVER || type == Dhcp4MessageType.REQUEST) {
            List<Integer> codes = new ArrayList<>(List.of(Dhcp4Option.SUBNET_MASK, Dhcp4Option.ROUTER, Dhcp4Option.DNS_SERVERS,
                    Dhcp4Option.LEASE_TIME, Dhcp4Option.RENEWAL_TIME, Dhcp4Option.REBINDING_TIME));
            for (int code : settings.requestedOptions()) if (!codes.contains(code)) codes.add(code);
            byte[] list = new byte[codes.size()];
            for (int i = 0; i < list.length; i++) list[i] = (byte) (int) codes.get(i);
            options.add(new Dhcp4Option(Dhcp4Option.PARAMETER_REQUEST_LIST, Bytes.of(list)));
        }
        byte[] chaddr = java.util.Arrays.copyOf(settings.hardwareAddress().toArray(), 16);
        long secs = Math.min(0xffff, Duration.between(exchangeStarted, now).toSeconds());
        return new Dhcp4Packet(Dhcp4Packet.BOOTREQUEST, settings.htype(), settings.hardwareAddress().length(), 0, xid,
                type == Dhcp4MessageType.RELEASE || type == Dhcp4MessageType.DECLINE ? 0 : (int) secs, 0, ciaddr,
                Dhcp4Codec.UNSPECIFIED, Dhcp4Codec.UNSPECIFIED, Dhcp4Codec.UNSPECIFIED, Bytes.of(chaddr), ZEROS_64, ZEROS_128,
                Dhcp4Options.of(options), 0);
    }

    private static final Bytes ZEROS_64 = Bytes.of(new byte[64]);
    private static final Bytes ZEROS_128 = Bytes.of(new byte[128]);

    /** Null when the address may be a host's: not 0/8, loopback, link-local, multicast, class E or broadcast. */
    static String unusableAddress(Inet4Address a) {
        int first = a.getAddress()[0] & 0xff;
        if (first == 0) return "an address in 0.0.0.0/8 (" + a.getHostAddress() + ")";
        if (a.isLoopbackAddress()) return "a loopback address (" + a.getHostAddress() + ")";
        if (a.isLinkLocalAddress()) return "a link-local address (" + a.getHostAddress() + ")";
        if (first >= 224) return "a multicast, reserved or broadcast address (" + a.getHostAddress() + ")";
        return null;
    }

    private static List<Inet4Address> unicast(List<Inet4Address> addresses) {
        List<Inet4Address> out = new ArrayList<>();
        for (Inet4Address a : addresses) if (unusableAddress(a) == null) out.add(a);
        return out;
    }

    /** The prefix length of a contiguous mask, or -1. */
    static int maskLength(Inet4Address mask) {
        long m = toLong(mask);
        int length = Long.numberOfLeadingZeros(~m & 0xffffffffL) - 32;
        long expected = length == 0 ? 0 : (0xffffffffL << (32 - length)) & 0xffffffffL;
        return m == expected ? length : -1;
    }

    /** The options asked for that prefixd does not read, within {@link ReceivedOption}'s bounds; the codes beyond them go to {@code setAside}. */
    private List<ReceivedOption> received(Dhcp4Options o, List<Integer> setAside) {
        KeptOptions out = new KeptOptions();
        for (Dhcp4Option option : o) {
            if (!settings.requestedOptions().contains(option.code()) || interpreted(option.code())) continue;
            if (out.offer(option.code(), option.data()) != KeptOptions.Verdict.KEPT) setAside.add(option.code()); // a DHCPv4 option is never TOO_LONG (255 bytes)
        }
        return out.list();
    }

    private static boolean interpreted(int code) {
        for (int c : INTERPRETED) if (c == code) return true;
        return false;
    }

    static long toLong(Inet4Address a) {
        byte[] b = a.getAddress();
        return ((long) (b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    }

    /** A server's Message option, for a log line: printable ASCII only, at most 80 characters. */
    private static String printable(Bytes text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < 80; i++) {
            int c = text.get(i) & 0xff;
            out.append(c >= 0x20 && c < 0x7f && c != '"' ? (char) c : '?');
        }
        return out.toString();
    }
}
