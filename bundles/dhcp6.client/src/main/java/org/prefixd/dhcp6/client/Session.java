package org.prefixd.dhcp6.client;

import java.net.Inet6Address;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleSupplier;
import java.util.function.IntSupplier;

import org.prefixd.dhcp6.codec.ClientId;
import org.prefixd.dhcp6.codec.ClientServerMessage;
import org.prefixd.dhcp6.codec.ElapsedTime;
import org.prefixd.dhcp6.codec.IaAddress;
import org.prefixd.dhcp6.codec.IaNa;
import org.prefixd.dhcp6.codec.IaPd;
import org.prefixd.dhcp6.codec.IaPrefix;
import org.prefixd.dhcp6.codec.MessageType;
import org.prefixd.dhcp6.codec.Option;
import org.prefixd.dhcp6.codec.OptionCodes;
import org.prefixd.dhcp6.codec.OptionRequest;
import org.prefixd.dhcp6.codec.Options;
import org.prefixd.dhcp6.codec.RapidCommit;
import org.prefixd.dhcp6.codec.ReconfigureAccept;
import org.prefixd.dhcp6.codec.ServerId;
import org.prefixd.dhcp6.codec.StatusCode;

/**
 * One DHCPv6 client session on one link (RFC 8415 §18): a pure state machine. It is given
 * events with the time they happen and answers with a {@link Step}: the messages to send, when
 * to call {@link #timer} next, and the lease change, if any. No sockets, no clock, no threads.
 *
 * <p>Covered: Solicit with Advertise collection during the first RT (preference 255 or the
 * preferred server taken at once, RFC 8415 §18.2.9), Rapid Commit, Request, Renew at T1 to the
 * bound server, Rebind at T2, expiry of each lease at its valid lifetime, NoBinding answered
 * with a Request, UnspecFail and UseMulticast answered by going on retransmitting, retransmission
 * per §15 with SOL_MAX_RT and INF_MAX_RT from the server, Release and Decline, Reconfigure
 * (checked by {@link ReconfigureCheck}), stateless Information-request with its refresh time. A
 * link that returns, and a lease kept across a restart of prefixd, get a Rebind at once, which
 * §18.2.12 allows in place of Confirm, also for IA_NA.
 */
public final class Session {
    public enum State { IDLE, WAITING, SOLICITING, REQUESTING, BOUND, RENEWING, REBINDING, DECLINING, RELEASING, RELEASED, INFORMING, INFORMED }

    /** RFC 8415 §7.6 IRT_DEFAULT: how often stateless information is refreshed when the server does not say. */
    static final Duration INFORMATION_REFRESH_DEFAULT = Duration.ofSeconds(86400);

    /**
     * What the caller must do after an event.
     *
     * @param setAside what the session ignored of a server's message and why, for the log
     */
    public record Step(List<ClientServerMessage> send, Optional<Instant> wakeAt, Optional<LeaseEvent> event, String note, List<String> setAside) {
        public Step {
            send = List.copyOf(send);
            Objects.requireNonNull(wakeAt, "wakeAt");
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(note, "note");
            setAside = List.copyOf(setAside);
        }

        public Step(List<ClientServerMessage> send, Optional<Instant> wakeAt, Optional<LeaseEvent> event, String note) {
            this(send, wakeAt, event, note, List.of());
        }

        Step withSetAside(List<String> more) {
            if (more.isEmpty()) return this;
            List<String> all = new ArrayList<>(setAside);
            all.addAll(more);
            return new Step(send, wakeAt, event, note, all);
        }
    }

    private final SessionSettings settings;
    private final DoubleSupplier random;
    private final IntSupplier xids;
    private final ReplyReader reader;

    private State state = State.IDLE;
    private Optional<Lease> lease = Optional.empty();
    private int xid;
    private Retransmission retransmission;
    private ClientServerMessage outstanding;
    private Instant waitUntil;
    private final List<ServerReply> advertised = new ArrayList<>();
    private ServerReply chosen;
    private Optional<Duration> solMaxRt = Optional.empty();
    private Optional<Duration> infMaxRt = Optional.empty();
    private Instant refreshAt;
    /** Replies to a Request that bound nothing, in a row: the wait before the next Solicit doubles with each. */
    private int emptyReplies;
    /** The address of the Decline in progress. */
    private Inet6Address declined;

    /**
     * @param random uniform in [0, 1), for the RFC's RAND and the first-Solicit delay
     * @param xids transaction ids (the low 24 bits are used)
     */
    public Session(SessionSettings settings, DoubleSupplier random, IntSupplier xids) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.random = Objects.requireNonNull(random, "random");
        this.xids = Objects.requireNonNull(xids, "xids");
        Set<Long> pdIaids = new LinkedHashSet<>();
        for (SessionSettings.PdRequest pd : settings.pd()) pdIaids.add(pd.iaid());
        this.reader = new ReplyReader(settings.clientDuid(), settings.naIaid().map(Set::of).orElse(Set.of()), pdIaids, settings.requestedOptions());
    }

    public State state() {
        return state;
    }

    public Optional<Lease> lease() {
        return lease;
    }

    /**
     * How a kept lease is taken up at {@link #start}: the reason decides whether the server is
     * asked at once if the lease still holds.
     */
    public enum Resume {
        /** The link was watched all along (a bundle update, a configuration change): the lease is used, renewed at T1. */
        WATCHED("resumed the lease"),
        /** The link was gone and is back: the router may be on another link now. */
        LINK_RETURNED("link returned"),
        /**
         * prefixd itself started (a crash, a reboot, an upgrade): it cannot know what happened to
         * the link while it was not running; the ISP may have renumbered a router that was off.
         */
        PROCESS_STARTED("prefixd started");

        private final String why;

        Resume(String why) {
            this.why = why;
        }
    }

    /** The link is up: resume a still-valid lease (no Solicit) or start from Solicit; the link was watched all along. */
    public Step start(Instant now, Optional<Lease> resumed) {
        return start(now, resumed, Resume.WATCHED);
    }

    /**
     * A still-valid lease is used at once either way. After {@link Resume#LINK_RETURNED} or
     * {@link Resume#PROCESS_STARTED} it is also checked with a Rebind at once (RFC 8415
     * §18.2.12: Rebind, not Confirm, when prefixes are delegated; for IA_NA too, which §18.2.12
     * allows, as dhcpcd and dhclient do at start); a Reply that changes it is applied like any.
     */
    public Step start(Instant now, Optional<Lease> resumed, Resume how) {
        Objects.requireNonNull(how, "how");
        if (settings.stateless()) {
            if (settings.firstSolicitDelay()) {
                state = State.WAITING;
                waitUntil = now.plusNanos(Math.round(random.getAsDouble() * RetransmissionParameters.FIRST_MESSAGE_MAX_DELAY.toNanos()));
                return new Step(List.of(), Optional.of(waitUntil), Optional.empty(), "waiting before the first Information-request");
            }
            return inform(now, "stateless");
        }
        Optional<Lease> valid = resumed.map(l -> l.withoutExpired(now)).filter(l -> !l.isEmpty());
        if (valid.isPresent() && how != Resume.WATCHED) {
            lease = valid;
            Step rebind = startExchange(State.REBINDING, MessageType.REBIND,
                    RetransmissionParameters.REBIND.withMrd(Duration.between(now, valid.get().validUntil())), now, how.why);
            // The component that held the lease before the link went away still applies it; a new process does not yet.
            Optional<LeaseEvent> resumedEvent = how == Resume.PROCESS_STARTED ? Optional.of(new LeaseEvent(LeaseEvent.Kind.RESUMED, valid.get())) : Optional.empty();
            return new Step(rebind.send(), rebind.wakeAt(), resumedEvent, rebind.note());
        }
        if (valid.isPresent()) {
            lease = valid;
            state = State.BOUND;
            Step next = timer(now);
            return new Step(next.send(), next.wakeAt(), Optional.of(new LeaseEvent(LeaseEvent.Kind.RESUMED, valid.get())), how.why);
        }
        if (settings.firstSolicitDelay()) {
            state = State.WAITING;
            waitUntil = now.plusNanos(Math.round(random.getAsDouble() * RetransmissionParameters.FIRST_MESSAGE_MAX_DELAY.toNanos()));
            return new Step(List.of(), Optional.of(waitUntil), Optional.empty(), "waiting before the first Solicit");
        }
        return solicit(now, "no lease");
    }

    /** A decoded message arrived (from port 547, already checked by the transport). */
    public Step received(ClientServerMessage message, Instant now) {
        if (outstanding == null || message.transactionId() != xid) return idle(now, "ignored: not an answer to a transaction of ours");
        ReplyReader.Result result = reader.read(message, now);
        if (result instanceof ReplyReader.Result.Ignored ignored) return idle(now, "ignored: " + ignored.why());
        ServerReply reply = ((ReplyReader.Result.Usable) result).reply();
        // §18.2.10: UnspecFail and UseMulticast at the top of a Reply make it no answer: the
        // retransmission schedule goes on, which limits how often the client asks again (and
        // this client always sends to the multicast address anyway).
        Optional<StatusCode> top = reply.status().filter(c -> c.status() == StatusCode.UNSPEC_FAIL || c.status() == StatusCode.USE_MULTICAST);
        if (top.isPresent() && message.type() == MessageType.REPLY
                && (state == State.REQUESTING || state == State.RENEWING || state == State.REBINDING || state == State.INFORMING))
            return idle(now, "ignored: the server answers " + (top.get().status() == StatusCode.UNSPEC_FAIL ? "UnspecFail" : "UseMulticast")
                    + "; retransmitting").withSetAside(reply.setAside());
        reply.solMaxRt().ifPresent(s -> solMaxRt = Optional.of(Duration.ofSeconds(s)));
        reply.infMaxRt().ifPresent(s -> infMaxRt = Optional.of(Duration.ofSeconds(s)));
        Step step = switch (state) {
            case SOLICITING -> onSolicitAnswer(message, reply, now);
            case REQUESTING, RENEWING, REBINDING -> message.type() == MessageType.REPLY ? onReply(reply, now) : idle(now, "an Advertise outside Solicit");
            case RELEASING -> released("the server confirmed the Release");
            case DECLINING -> message.type() == MessageType.REPLY ? afterDecline(now, "the server confirmed the Decline") : idle(now, "an Advertise to a Decline");
            case INFORMING -> message.type() == MessageType.REPLY ? informed(reply, now) : idle(now, "an Advertise to an Information-request");
            default -> idle(now, "nothing outstanding");
        };
        return step.withSetAside(reply.setAside());
    }

    /** The time asked for in the last {@link Step#wakeAt()} has come. */
    public Step timer(Instant now) {
        // A lease held while soliciting (after NoBinding and a Request without answer), requesting
        // or declining expires on time too, as leaseTimer makes it in the other states. The steps
        // of these states carry no event of their own.
        Optional<LeaseEvent> expired = switch (state) {
            case WAITING, SOLICITING, REQUESTING, DECLINING -> expire(now);
            default -> Optional.empty();
        };
        Step step = timerStep(now);
        return expired.isEmpty() ? step : new Step(step.send(), step.wakeAt(), expired, step.note(), step.setAside());
    }

    /** Drops what has expired of the lease: the event that says so, if anything did. */
    private Optional<LeaseEvent> expire(Instant now) {
        if (lease.isEmpty()) return Optional.empty();
        Lease held = lease.get();
        Lease current = held.withoutExpired(now);
        if (current.equals(held)) return Optional.empty();
        lease = current.isEmpty() ? Optional.empty() : Optional.of(current);
        return Optional.of(current.isEmpty() ? new LeaseEvent(LeaseEvent.Kind.EXPIRED, held) : new LeaseEvent(LeaseEvent.Kind.UPDATED, current));
    }

    private Step timerStep(Instant now) {
        switch (state) {
            case WAITING:
                if (now.isBefore(waitUntil)) return idle(now, "still waiting");
                if (settings.stateless()) return inform(now, "first delay over");
                return solicit(now, emptyReplies > 0 ? "the last Reply bound nothing" : "first-Solicit delay over");
            case INFORMING:
                return retransmit(now);
            case INFORMED:
                return now.isBefore(refreshAt) ? idle(now, "information fresh") : inform(now, "information refresh time");
            case SOLICITING:
                if (!advertised.isEmpty() && !now.isBefore(retransmission.timeoutAt())) return request(best(), now, "first RT over");
                return retransmit(now);
            case REQUESTING:
            case RELEASING:
            case DECLINING:
                return retransmit(now);
            case BOUND:
            case RENEWING:
            case REBINDING:
                return leaseTimer(now);
            default:
                return idle(now, "idle");
        }
    }

    private Step leaseTimer(Instant now) {
        Lease held = lease.orElseThrow();
        Lease current = held.withoutExpired(now);
        if (current.isEmpty()) {
            lease = Optional.empty();
            Step next = solicit(now, "lease expired");
            return new Step(next.send(), next.wakeAt(), Optional.of(new LeaseEvent(LeaseEvent.Kind.EXPIRED, held)), next.note());
        }
        Optional<LeaseEvent> update = Optional.empty();
        if (!current.equals(held)) {
            lease = Optional.of(current);
            update = Optional.of(new LeaseEvent(LeaseEvent.Kind.UPDATED, current));
        }
        Step step;
        if (!now.isBefore(current.rebindAt()) && state != State.REBINDING) {
            step = startExchange(State.REBINDING, MessageType.REBIND, RetransmissionParameters.REBIND.withMrd(Duration.between(now, current.validUntil())), now, "T2");
        } else if (!now.isBefore(current.renewAt()) && state == State.BOUND) {
            step = startExchange(State.RENEWING, MessageType.RENEW, RetransmissionParameters.RENEW.withMrd(Duration.between(now, current.rebindAt())), now, "T1");
        } else if (state != State.BOUND && !now.isBefore(retransmission.timeoutAt())) {
            step = retransmit(now);
        } else {
            step = new Step(List.of(), Optional.of(nextLeaseWake(current)), Optional.empty(), "lease timers");
        }
        return update.isPresent() ? new Step(step.send(), step.wakeAt(), update, step.note()) : step;
    }

    private Instant nextLeaseWake(Lease current) {
        Instant next = current.nextExpiry();
        if (state == State.BOUND && current.renewAt().isBefore(next)) next = current.renewAt();
        if (state != State.REBINDING && current.rebindAt().isBefore(next)) next = current.rebindAt();
        if (state != State.BOUND && retransmission != null && retransmission.timeoutAt().isBefore(next)) next = retransmission.timeoutAt();
        return next;
    }

    private Step onSolicitAnswer(ClientServerMessage message, ServerReply reply, Instant now) {
        if (message.type() == MessageType.REPLY) {
            if (!settings.rapidCommit() || !reply.rapidCommit()) return idle(now, "ignored: a Reply to a Solicit without Rapid Commit");
            return onReply(reply, now);
        }
        if (!reply.offersSomething()) return idle(now, "ignored: an Advertise that offers nothing (RFC 8415 §18.2.9)");
        advertised.add(reply);
        boolean preferred = settings.preferredServer().map(reply.server()::equals).orElse(false);
        if (reply.preference() == 255 || preferred || retransmission.transmissions() > 1)
            return request(reply, now, preferred ? "the preferred server" : reply.preference() == 255 ? "preference 255" : "after the first RT");
        return new Step(List.of(), Optional.of(retransmission.timeoutAt()), Optional.empty(), "collecting Advertises for the first RT");
    }

    private ServerReply best() {
        ServerReply best = advertised.get(0);
        for (ServerReply r : advertised) if (r.preference() > best.preference()) best = r;
        return best;
    }

    private Step onReply(ServerReply reply, Instant now) {
        for (var entry : reply.iaStatus().entrySet())
            if (entry.getValue().status() == StatusCode.NO_BINDING && (state == State.RENEWING || state == State.REBINDING)) {
                chosen = reply;
                return startExchange(State.REQUESTING, MessageType.REQUEST, RetransmissionParameters.REQUEST.parameters(), now,
                        "NoBinding for " + entry.getKey());
            }
        State was = state;
        Lease next = lease.map(l -> l.merge(reply, now)).orElseGet(() -> Lease.from(reply, now));
        if (next.isEmpty()) {
            // §18.2.10: a Rapid Commit Reply without bindings is like an Advertise offering
            // nothing: keep soliciting. After a Request, solicit again, but only after a wait
            // that doubles each time, so that a server that never binds cannot make a loop.
            if (was == State.SOLICITING) return idle(now, "ignored: a Rapid Commit Reply that binds nothing");
            if (was == State.REQUESTING) return solicitLater(now);
            return idle(now, "the Reply changed nothing");
        }
        LeaseEvent.Kind kind = switch (was) {
            case RENEWING -> LeaseEvent.Kind.RENEWED;
            case REBINDING -> LeaseEvent.Kind.REBOUND;
            default -> LeaseEvent.Kind.BOUND;
        };
        if (lease.isPresent() && !now.isBefore(next.renewAt())) {
            // §18.2.10.1: an IA of the lease the Reply (to a Renew, a Rebind, or the Request or
            // Rapid Commit Solicit after NoBinding) leaves out, or renews with a T1 already due, is
            // asked for again by this exchange's own retransmissions, as if the Reply had not come
            // — not by a new Renew at once: the server would answer the same, and one that answers
            // at once would get a storm. The bindings the Reply did return are used now.
            Lease held = lease.get();
            lease = Optional.of(next);
            Step wait = idle(now, "the Reply leaves an IA to renew; retransmitting");
            return next.equals(held) ? wait : new Step(wait.send(), wait.wakeAt(), Optional.of(new LeaseEvent(kind, next)), wait.note());
        }
        emptyReplies = 0;
        lease = Optional.of(next);
        state = State.BOUND;
        outstanding = null;
        advertised.clear();
        return new Step(List.of(), Optional.of(nextLeaseWake(next)), Optional.of(new LeaseEvent(kind, next)), kind.name().toLowerCase());
    }

    private Step solicitLater(Instant now) {
        Duration max = solMaxRt.orElse(RetransmissionParameters.SOLICIT.mrt);
        Duration wait = RetransmissionParameters.SOLICIT.irt.multipliedBy(1L << Math.min(emptyReplies, 20));
        if (wait.compareTo(max) > 0) wait = max;
        emptyReplies++;
        state = State.WAITING;
        outstanding = null;
        waitUntil = now.plus(wait);
        return new Step(List.of(), Optional.of(waitUntil), Optional.empty(), "the Reply to the Request bound nothing: Solicit again in " + wait.toMillis() + " ms");
    }

    private Step solicit(Instant now, String why) {
        advertised.clear();
        chosen = null;
        RetransmissionParameters.Parameters p = solMaxRt.map(RetransmissionParameters.SOLICIT::withMrt)
                .orElse(RetransmissionParameters.SOLICIT.parameters());
        return begin(State.SOLICITING, MessageType.SOLICIT, p, now, "Solicit (" + why + ")");
    }

    private Step request(ServerReply from, Instant now, String why) {
        chosen = from;
        return startExchange(State.REQUESTING, MessageType.REQUEST, RetransmissionParameters.REQUEST.parameters(), now, why);
    }

    private Step startExchange(State next, MessageType type, RetransmissionParameters.Parameters p, Instant now, String why) {
        return begin(next, type, p, now, type.rfcName() + " (" + why + ")");
    }

    /** A new transaction: its state, transaction id, retransmission and first message. */
    private Step begin(State next, MessageType type, RetransmissionParameters.Parameters p, Instant now, String note) {
        state = next;
        xid = xids.getAsInt() & 0xffffff;
        retransmission = new Retransmission(p, now, random, type == MessageType.SOLICIT); // §18.2.1: RAND > 0 for Solicit
        outstanding = build(type, now);
        return new Step(List.of(outstanding), Optional.of(wakeDuring(now)), Optional.empty(), note);
    }

    private Instant wakeDuring(Instant now) {
        return lease.map(l -> {
            Instant t = retransmission.timeoutAt();
            Instant expiry = l.withoutExpired(now).nextExpiry();
            return expiry.isBefore(t) ? expiry : t;
        }).orElse(retransmission.timeoutAt());
    }

    private Step retransmit(Instant now) {
        if (now.isBefore(retransmission.timeoutAt())) return new Step(List.of(), Optional.of(wakeDuring(now)), Optional.empty(), "waiting");
        Optional<Instant> next = retransmission.retransmit(now);
        if (next.isEmpty()) {
            return switch (state) {
                case REQUESTING -> solicit(now, "no Reply to Request");
                case RELEASING -> released("no Reply to the Release after " + RetransmissionParameters.RELEASE.mrc + " tries");
                case DECLINING -> afterDecline(now, "no Reply to the Decline after " + RetransmissionParameters.DECLINE.mrc + " tries");
                case INFORMING -> inform(now, "retransmission ended");
                // Called from leaseTimer, which found something still valid. Not back to leaseTimer:
                // T2 or the end of the leases may have moved since the exchange began (an IA expired,
                // a Reply renewed some), and it would call this again without end.
                case RENEWING -> startExchange(State.REBINDING, MessageType.REBIND, // MRD ends at T2: Rebind
                        RetransmissionParameters.REBIND.withMrd(Duration.between(now, lease.orElseThrow().validUntil())), now, "no Reply to the Renew by T2");
                case REBINDING -> startExchange(State.REBINDING, MessageType.REBIND, // MRD ended when the leases did, but some were renewed since
                        RetransmissionParameters.REBIND.withMrd(Duration.between(now, lease.orElseThrow().validUntil())), now, "the lease outlasted the Rebind");
                default -> solicit(now, "retransmission ended");
            };
        }
        outstanding = withElapsedTime(outstanding, retransmission.elapsedHundredths(now));
        return new Step(List.of(outstanding), Optional.of(wakeDuring(now)), Optional.empty(), "retransmission " + retransmission.transmissions());
    }

    private Step inform(Instant now, String why) {
        RetransmissionParameters.Parameters p = infMaxRt.map(RetransmissionParameters.INFORMATION_REQUEST::withMrt)
                .orElse(RetransmissionParameters.INFORMATION_REQUEST.parameters());
        return begin(State.INFORMING, MessageType.INFORMATION_REQUEST, p, now, "Information-request (" + why + ")");
    }

    private Step informed(ServerReply reply, Instant now) {
        Lease info = new Lease(reply.server(), List.of(), reply.information(), reply.reconfigureKey());
        lease = Optional.of(info);
        state = State.INFORMED;
        outstanding = null;
        // §21.23: the server's refresh time, at least IRT_MINIMUM (600 s, ReplyReader enforces it); else IRT_DEFAULT.
        refreshAt = now.plus(reply.informationRefresh().map(Duration::ofSeconds).orElse(INFORMATION_REFRESH_DEFAULT));
        return new Step(List.of(), Optional.of(refreshAt), Optional.of(new LeaseEvent(LeaseEvent.Kind.INFORMED, info)), "informed");
    }

    /**
     * A Reconfigure arrived (RFC 8415 §18.2.11). {@code raw} is the message as received: its
     * HMAC-MD5 digest covers those bytes. Acted on only when Reconfigure is accepted by the
     * configuration, {@link ReconfigureCheck} accepts it and no other exchange is running.
     */
    public Step reconfigure(byte[] raw, ClientServerMessage message, Instant now) {
        if (!settings.acceptReconfigure()) return idle(now, "ignored: accept.reconfigure is off");
        ReconfigureCheck.Result result = ReconfigureCheck.check(raw, message, settings.clientDuid(), lease);
        if (result instanceof ReconfigureCheck.Result.Refused refused) return idle(now, "ignored: " + refused.why());
        ReconfigureCheck.Result.Accepted accepted = (ReconfigureCheck.Result.Accepted) result;
        if (accepted.asked() == MessageType.INFORMATION_REQUEST ? state != State.INFORMED : state != State.BOUND)
            return idle(now, "a Reconfigure while " + state + ": the exchange under way answers it"); // §18.2.11
        // The replay detection value is written with the lease at its next change (the Reply to what follows).
        lease = lease.map(l -> l.withReplay(accepted.replay()));
        return switch (accepted.asked()) {
            case RENEW -> startExchange(State.RENEWING, MessageType.RENEW,
                    RetransmissionParameters.RENEW.withMrd(positive(Duration.between(now, lease.orElseThrow().rebindAt()))), now, "Reconfigure");
            case REBIND -> startExchange(State.REBINDING, MessageType.REBIND,
                    RetransmissionParameters.REBIND.withMrd(positive(Duration.between(now, lease.orElseThrow().validUntil()))), now, "Reconfigure");
            default -> inform(now, "Reconfigure");
        };
    }

    /** `prefixd renew`: a Renew now when bound; a Solicit when released or idle. */
    public Step renewNow(Instant now) {
        return switch (state) {
            case BOUND -> startExchange(State.RENEWING, MessageType.RENEW,
                    RetransmissionParameters.RENEW.withMrd(positive(Duration.between(now, lease.orElseThrow().rebindAt()))), now, "asked to renew");
            case IDLE, RELEASED -> settings.stateless() ? inform(now, "asked to renew") : solicit(now, "asked to renew");
            case INFORMED -> inform(now, "asked to renew");
            default -> idle(now, "busy (" + state + "): nothing to renew now");
        };
    }

    /**
     * `prefixd release`: gives the lease back (RFC 8415 §18.2.7). The lease is gone at once for
     * the router; the Release is retransmitted until the server answers or REL_MAX_RC.
     */
    public Step release(Instant now) {
        if (lease.isEmpty()) return idle(now, "no lease to release");
        Lease given = lease.get();
        Step sent = begin(State.RELEASING, MessageType.RELEASE, RetransmissionParameters.RELEASE.parameters(), now, "Release");
        lease = Optional.empty();
        return new Step(sent.send(), sent.wakeAt(), Optional.of(new LeaseEvent(LeaseEvent.Kind.RELEASED, given)), sent.note());
    }

    /**
     * Duplicate address detection found {@code address} in use on the link: the router stops
     * using it at once and tells the server with a Decline (RFC 8415 §18.2.8). When the server
     * answers (or DEC_MAX_RC is reached) the client renews, so that the server can give another
     * address, or solicits when nothing is left of the lease.
     */
    public Step decline(Inet6Address address, Instant now) {
        if (lease.isEmpty() || lease.get().addresses().stream().noneMatch(a -> a.address().equals(address)) || settings.naIaid().isEmpty())
            return idle(now, "not an address of the lease: nothing to decline");
        if (state != State.BOUND && state != State.RENEWING && state != State.REBINDING) return idle(now, "busy (" + state + "): the Decline waits");
        declined = address;
        Step sent = begin(State.DECLINING, MessageType.DECLINE, RetransmissionParameters.DECLINE.parameters(), now, "Decline");
        Lease rest = lease.get().withoutExpired(now).withoutAddress(address);
        lease = Optional.of(rest);
        return new Step(sent.send(), sent.wakeAt(), Optional.of(new LeaseEvent(LeaseEvent.Kind.UPDATED, rest)), sent.note());
    }

    private Step afterDecline(Instant now, String why) {
        outstanding = null;
        if (lease.isEmpty() || lease.get().isEmpty()) {
            lease = Optional.empty();
            return solicit(now, why + "; nothing left of the lease");
        }
        return startExchange(State.RENEWING, MessageType.RENEW,
                RetransmissionParameters.RENEW.withMrd(positive(Duration.between(now, lease.get().rebindAt()))), now, why + ": asking for another address");
    }

    private static Duration positive(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    private Step released(String why) {
        state = State.RELEASED;
        outstanding = null;
        return new Step(List.of(), Optional.empty(), Optional.empty(), "released: " + why);
    }

    private Step idle(Instant now, String note) {
        Optional<Instant> wake = switch (state) {
            case WAITING -> Optional.of(waitUntil);
            case SOLICITING, REQUESTING, RELEASING, DECLINING, INFORMING -> Optional.of(retransmission.timeoutAt());
            case INFORMED -> Optional.of(refreshAt);
            case BOUND, RENEWING, REBINDING -> lease.map(l -> state == State.BOUND ? nextLeaseWake(l) : wakeDuring(now));
            default -> Optional.empty();
        };
        return new Step(List.of(), wake, Optional.empty(), note);
    }

    /** Builds the message of the current transaction (RFC 8415 §18.2.1–§18.2.5). */
    private ClientServerMessage build(MessageType type, Instant now) {
        List<Option> options = new ArrayList<>();
        options.add(new ClientId(settings.clientDuid()));
        if (type == MessageType.REQUEST) options.add(new ServerId(chosen.server()));
        if (type == MessageType.RENEW) options.add(new ServerId(lease.orElseThrow().server()));
        if (type == MessageType.RELEASE || type == MessageType.DECLINE) options.add(new ServerId(lease.orElseThrow().server()));
        options.add(new ElapsedTime(0));
        List<Integer> oro = new ArrayList<>(List.of(OptionCodes.DNS_SERVERS, OptionCodes.DOMAIN_LIST));
        if (type == MessageType.SOLICIT) oro.add(OptionCodes.SOL_MAX_RT); // §18.2.1: MUST
        if (type == MessageType.INFORMATION_REQUEST) {
            oro.add(OptionCodes.INFORMATION_REFRESH_TIME); // §18.2.6: MUST
            oro.add(OptionCodes.INF_MAX_RT);
        }
        // RFC 6603 §4.1: asked for with the IA_PDs (Kea sends it only when asked)
        if (settings.pdExclude() && !settings.pd().isEmpty() && type != MessageType.INFORMATION_REQUEST) oro.add(OptionCodes.PD_EXCLUDE);
        for (int code : settings.requestedOptions()) if (!oro.contains(code)) oro.add(code);
        if (type != MessageType.RELEASE && type != MessageType.DECLINE) options.add(new OptionRequest(oro)); // §18.2.7, §18.2.8: no ORO
        options.addAll(ias(type, now));
        if (type == MessageType.SOLICIT && settings.rapidCommit()) options.add(new RapidCommit());
        if (settings.acceptReconfigure() && (type == MessageType.SOLICIT || type == MessageType.REQUEST || type == MessageType.RENEW
                || type == MessageType.REBIND || type == MessageType.INFORMATION_REQUEST))
            options.add(new ReconfigureAccept()); // §18.2.1–§18.2.6
        options.addAll(settings.extraOptions());
        return new ClientServerMessage(type, xid, Options.of(options));
    }

    private List<Option> ias(MessageType type, Instant now) {
        List<Option> out = new ArrayList<>();
        if (type == MessageType.INFORMATION_REQUEST) return out;
        if (type == MessageType.DECLINE) {
            // §18.2.8: only the IA_NA, with only the declined address.
            out.add(new IaNa(settings.naIaid().orElseThrow(), 0, 0, Options.of(new IaAddress(declined, 0, 0, Options.NONE))));
            return out;
        }
        Optional<Lease> held = type == MessageType.RENEW || type == MessageType.REBIND || type == MessageType.RELEASE ? lease
                : type == MessageType.REQUEST ? Optional.of(Lease.from(chosen, now)) : Optional.empty();
        settings.naIaid().ifPresent(iaid -> {
            List<IaAddress> addresses = held.map(l -> l.ias().stream()
                    .filter(ia -> ia.type() == IaBinding.Type.NA && ia.iaid() == iaid)
                    .flatMap(ia -> ia.addresses().stream())
                    .map(a -> new IaAddress(a.address(), 0, 0, Options.NONE)).toList()).orElse(List.of());
            out.add(new IaNa(iaid, 0, 0, Options.of(addresses)));
        });
        for (SessionSettings.PdRequest pd : settings.pd()) {
            List<IaPrefix> prefixes = held.map(l -> l.ias().stream()
                    .filter(ia -> ia.type() == IaBinding.Type.PD && ia.iaid() == pd.iaid())
                    .flatMap(ia -> ia.prefixes().stream())
                    .map(p -> new IaPrefix(0, 0, p.length(), p.prefix(), Options.NONE)).toList()).orElse(List.of());
            if (prefixes.isEmpty() && (pd.hintLength() > 0 || pd.hint().isPresent()))
                prefixes = List.of(new IaPrefix(0, 0, pd.hintLength(), pd.hint().orElse(UNSPECIFIED), Options.NONE));
            out.add(new IaPd(pd.iaid(), 0, 0, Options.of(prefixes)));
        }
        return out;
    }

    private static final java.net.Inet6Address UNSPECIFIED;

    static {
        try {
            UNSPECIFIED = java.net.Inet6Address.getByAddress(null, new byte[16], -1);
        } catch (java.net.UnknownHostException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static ClientServerMessage withElapsedTime(ClientServerMessage m, int hundredths) {
        List<Option> options = new ArrayList<>();
        for (Option o : m.options()) options.add(o instanceof ElapsedTime ? new ElapsedTime(hundredths) : o);
        return new ClientServerMessage(m.type(), m.transactionId(), Options.of(options));
    }
}
