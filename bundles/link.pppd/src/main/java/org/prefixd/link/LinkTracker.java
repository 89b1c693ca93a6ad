package org.prefixd.link;

import java.net.Inet6Address;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.prefixd.api.InterfaceName;
import org.prefixd.api.LinkMode;
import org.prefixd.api.LinkStatus;
import org.prefixd.api.PppdSession;
import org.prefixd.api.WanLink;

/**
 * The state of one WAN link, from what the kernel and pppd report: a pure state machine. It
 * takes observations with the time they were made and answers with the WanLink changes to make
 * and when it wants {@link #tick} to be called. No clock, no threads, no I/O.
 *
 * <p>A usable link is registered at once. A link that becomes unusable keeps its WanLink for
 * the debounce; if it is usable again before the debounce ends, with the same details, the
 * WanLink stays (a flap costs no new session) and its users are told it returned, for what the
 * kernel dropped meanwhile; if it stays unusable, the WanLink is withdrawn.
 */
public final class LinkTracker {
    /** What pppd said last; UNKNOWN until it says anything (a link found already up at start). */
    private enum PppdState { UNKNOWN, UP, DOWN }

    /** What the tracker answers to each observation. */
    public record Decision(List<LinkChange> changes, Optional<Instant> wakeAt) {
        public Decision {
            changes = List.copyOf(changes);
            Objects.requireNonNull(wakeAt, "wakeAt");
        }
    }

    private final InterfaceName name;
    private final LinkMode mode;
    private Duration debounce;

    private Optional<KernelLink> kernel = Optional.empty();
    private PppdState pppdState = PppdState.UNKNOWN;
    private Optional<PppdEvent> pppd = Optional.empty();
    private String pppdDownReason = "";

    private Optional<WanLink> registered = Optional.empty();
    private LinkStatus.State state = LinkStatus.State.DOWN;
    private Instant since;
    private String reason = "not seen yet";
    private Optional<Instant> downAt = Optional.empty();
    private Instant upSince;

    public LinkTracker(InterfaceName name, LinkMode mode, Duration debounce, Instant now) {
        this.name = Objects.requireNonNull(name, "name");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.debounce = requireDebounce(debounce);
        this.since = Objects.requireNonNull(now, "now");
    }

    /** The kernel's current view of the interface; empty when the interface does not exist. */
    public Decision kernel(Optional<KernelLink> snapshot, Instant now) {
        kernel = Objects.requireNonNull(snapshot, "snapshot");
        return evaluate(now);
    }

    /** pppd ran ipv6-up (or a live session was found at start). */
    public Decision pppdUp(PppdEvent event, Instant now) {
        if (mode != LinkMode.PPPD) return evaluate(now);
        pppdState = PppdState.UP;
        pppd = Optional.of(event);
        return evaluate(now);
    }

    /** pppd ran ipv6-down, or the pppd process is gone. */
    public Decision pppdDown(String why, Instant now) {
        if (mode != LinkMode.PPPD) return evaluate(now);
        pppdState = PppdState.DOWN;
        pppd = Optional.empty();
        pppdDownReason = why;
        return evaluate(now);
    }

    /** A new debounce applies to a withdrawal in progress too, counted from its start. */
    public Decision debounce(Duration newDebounce, Instant now) {
        debounce = requireDebounce(newDebounce);
        if (state == LinkStatus.State.GOING_DOWN) downAt = Optional.of(since.plus(debounce));
        return tick(now);
    }

    /** Time passes: ends a debounce that is due. */
    public Decision tick(Instant now) {
        if (state == LinkStatus.State.GOING_DOWN && downAt.isPresent() && !now.isBefore(downAt.get())) {
            WanLink withdrawn = registered.orElseThrow();
            registered = Optional.empty();
            downAt = Optional.empty();
            enter(LinkStatus.State.DOWN, reason, now);
            return new Decision(List.of(new LinkChange.Down(withdrawn, reason)), Optional.empty());
        }
        return new Decision(List.of(), downAt);
    }

    /** The pppd process to watch, while pppd has told us about one. */
    public Optional<Long> pppdPid() {
        return pppd.map(e -> e.session().pid());
    }

    public LinkStatus status() {
        return new LinkStatus(name, mode, state, since, reason, registered);
    }

    private Decision evaluate(Instant now) {
        String problem = whyNotUsable();
        if (problem == null) {
            WanLink candidate = candidate();
            if (registered.isEmpty()) {
                registered = Optional.of(candidate);
                enter(LinkStatus.State.UP, "usable", now);
                upSince = now;
                return new Decision(List.of(new LinkChange.Up(candidate, "usable")), Optional.empty());
            }
            downAt = Optional.empty();
            if (registered.get().equals(candidate)) {
                // A flap inside the debounce: the link has been up all along.
                if (state == LinkStatus.State.UP) return new Decision(List.of(), Optional.empty());
                enter(LinkStatus.State.UP, "usable (a flap inside the debounce)", upSince);
                return new Decision(List.of(new LinkChange.Returned(candidate, "a flap inside the debounce")), Optional.empty());
            }
            registered = Optional.of(candidate);
            enter(LinkStatus.State.UP, "details changed", now);
            upSince = now;
            return new Decision(List.of(new LinkChange.Changed(candidate, "details changed")), Optional.empty());
        }
        if (registered.isEmpty()) {
            if (state != LinkStatus.State.DOWN || !reason.equals(problem)) enter(LinkStatus.State.DOWN, problem, now);
            return new Decision(List.of(), Optional.empty());
        }
        if (state == LinkStatus.State.UP) {
            enter(LinkStatus.State.GOING_DOWN, problem, now);
            downAt = Optional.of(now.plus(debounce));
        } else {
            reason = problem;
        }
        return tick(now);
    }

    private void enter(LinkStatus.State newState, String why, Instant now) {
        state = newState;
        reason = why;
        since = now;
    }

    /** Why the link cannot carry IPv6 now, or null when it can. */
    private String whyNotUsable() {
        if (kernel.isEmpty()) return "interface does not exist";
        String kernelProblem = kernel.get().whyNotUsable();
        if (kernelProblem != null) return kernelProblem;
        if (mode == LinkMode.PPPD) {
            if (pppdState == PppdState.DOWN) return pppdDownReason;
            if (pppd.isPresent() && usableAddress(pppd.get().local()) == null)
                return "pppd's link-local address " + pppd.get().local().getHostAddress() + " is not usable yet";
        }
        return null;
    }

    private WanLink candidate() {
        KernelLink link = kernel.orElseThrow();
        Optional<PppdSession> session = pppd.map(PppdEvent::session);
        KernelAddress address = pppd.map(e -> usableAddress(e.local())).orElseGet(() -> firstUsable(link));
        Optional<Inet6Address> peer = pppd.map(PppdEvent::remote).or(address::peer);
        return new WanLink(name, link.index(), address.local(), peer, mode, session);
    }

    private KernelAddress usableAddress(Inet6Address wanted) {
        for (KernelAddress a : kernel.orElseThrow().addresses())
            if (a.isUsableLinkLocal() && a.local().equals(wanted)) return a;
        return null;
    }

    /** The kernel lists the address it configured first first; prefer a point-to-point one. */
    private static KernelAddress firstUsable(KernelLink link) {
        KernelAddress first = null;
        for (KernelAddress a : link.addresses()) {
            if (!a.isUsableLinkLocal()) continue;
            if (a.peer().isPresent()) return a;
            if (first == null) first = a;
        }
        return Objects.requireNonNull(first, "no usable link-local");
    }

    private static Duration requireDebounce(Duration d) {
        if (d == null || d.isNegative() || d.compareTo(Duration.ofHours(1)) > 0)
            throw new IllegalArgumentException("debounce " + d + " is not between 0 and 1 hour");
        return d;
    }
}
