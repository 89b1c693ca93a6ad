package org.prefixd.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.prefixd.api.InterfaceName;
import org.prefixd.api.LinkLocal;
import org.prefixd.api.LinkMode;
import org.prefixd.api.LinkStatus;
import org.prefixd.api.PppdSession;

class LinkTrackerTest {
    private static final InterfaceName WAN = InterfaceName.of("wan0");
    private static final Inet6Address LL = LinkLocal.parse("fe80::1");
    private static final Inet6Address PEER = LinkLocal.parse("fe80::2");
    private static final Duration DEBOUNCE = Duration.ofSeconds(2);

    private Instant now = Instant.parse("2026-11-25T10:00:00Z");

    private static Optional<KernelLink> kernel(Set<String> flags, KernelAddress... addresses) {
        return Optional.of(new KernelLink(WAN, 7, flags, flags.contains("LOWER_UP") ? "UP" : "LOWERLAYERDOWN", List.of(addresses)));
    }

    private static Optional<KernelLink> usable() {
        return kernel(Set.of("UP", "LOWER_UP"), new KernelAddress(LL, Optional.empty(), false, false));
    }

    private static Optional<KernelLink> noCarrier() {
        return kernel(Set.of("UP", "NO-CARRIER"), new KernelAddress(LL, Optional.empty(), false, false));
    }

    private static PppdEvent pppdUp(long pid) {
        return new PppdEvent(PppdEvent.Kind.UP, WAN, new PppdSession(pid, Optional.of("/dev/ttyS0"), 115200, Optional.of("isp")), LL, PEER);
    }

    private void advance(Duration d) {
        now = now.plus(d);
    }

    @Test
    void registersAUsableEthernetLinkAtOnce() {
        LinkTracker tracker = new LinkTracker(WAN, LinkMode.ETHERNET, DEBOUNCE, now);
        LinkTracker.Decision decision = tracker.kernel(usable(), now);
        LinkChange.Up up = assertInstanceOf(LinkChange.Up.class, decision.changes().get(0));
        assertEquals(LL, up.link().local());
        assertEquals(7, up.link().index());
        assertEquals(LinkStatus.State.UP, tracker.status().state());
    }

    @Test
    void doesNotRegisterWhileTheLinkLocalIsTentative() {
        LinkTracker tracker = new LinkTracker(WAN, LinkMode.ETHERNET, DEBOUNCE, now);
        LinkTracker.Decision decision = tracker.kernel(kernel(Set.of("UP", "LOWER_UP"), new KernelAddress(LL, Optional.empty(), true, false)), now);
        assertEquals(List.of(), decision.changes());
        assertEquals("link-local address is tentative or failed DAD", tracker.status().reason());
    }

    @Test
    void aFlapShorterThanTheDebounceKeepsTheLinkAndSaysItReturned() {
        LinkTracker tracker = new LinkTracker(WAN, LinkMode.ETHERNET, DEBOUNCE, now);
        tracker.kernel(usable(), now);
        LinkTracker.Decision lost = tracker.kernel(noCarrier(), now);
        assertEquals(List.of(), lost.changes());
        assertEquals(Optional.of(now.plus(DEBOUNCE)), lost.wakeAt());
        assertEquals(LinkStatus.State.GOING_DOWN, tracker.status().state());
        Instant upSince = tracker.status().since();
        advance(Duration.ofMillis(1999));
        assertEquals(List.of(), tracker.tick(now).changes());
        List<LinkChange> back = tracker.kernel(usable(), now).changes();
        LinkChange.Returned returned = assertInstanceOf(LinkChange.Returned.class, back.get(0));
        assertEquals(1, back.size());
        assertEquals(tracker.status().link().orElseThrow(), returned.link(), "the same link, not a new one");
        assertEquals(List.of(), tracker.kernel(usable(), now).changes(), "said once per flap");
        assertEquals(upSince, tracker.status().since(), "the link has been up all along");
        advance(Duration.ofSeconds(10));
        assertEquals(List.of(), tracker.tick(now).changes());
        assertEquals(LinkStatus.State.UP, tracker.status().state());
    }

    @Test
    void withdrawsTheLinkWhenCarrierStaysLostForTheDebounce() {
        LinkTracker tracker = new LinkTracker(WAN, LinkMode.ETHERNET, DEBOUNCE, now);
        tracker.kernel(usable(), now);
        tracker.kernel(noCarrier(), now);
        advance(DEBOUNCE);
        LinkChange.Down down = assertInstanceOf(LinkChange.Down.class, tracker.tick(now).changes().get(0));
        assertEquals("no carrier", down.reason());
        assertEquals(LinkStatus.State.DOWN, tracker.status().state());
    }

    @Test
    void withdrawsAtOnceWithAZeroDebounce() {
        LinkTracker tracker = new LinkTracker(WAN, LinkMode.ETHERNET, Duration.ZERO, now);
        tracker.kernel(usable(), now);
        assertInstanceOf(LinkChange.Down.class, tracker.kernel(Optional.empty(), now).changes().get(0));
        assertEquals("interface does not exist", tracker.status().reason());
    }

    @Test
    void aNewDebounceDoesNotFlapAnUpLink() {
        LinkTracker tracker = new LinkTracker(WAN, LinkMode.ETHERNET, DEBOUNCE, now);
        tracker.kernel(usable(), now);
        assertEquals(List.of(), tracker.debounce(Duration.ofSeconds(5), now).changes());
        assertEquals(LinkStatus.State.UP, tracker.status().state());
    }

    @Test
    void aShorterDebounceShortensAWithdrawalInProgress() {
        LinkTracker tracker = new LinkTracker(WAN, LinkMode.ETHERNET, Duration.ofSeconds(30), now);
        tracker.kernel(usable(), now);
        tracker.kernel(noCarrier(), now);
        advance(Duration.ofSeconds(3));
        assertInstanceOf(LinkChange.Down.class, tracker.debounce(Duration.ofSeconds(2), now).changes().get(0));
    }

    @Test
    void reportsAChangedLinkLocalAsAChangeNotAFlap() {
        LinkTracker tracker = new LinkTracker(WAN, LinkMode.ETHERNET, DEBOUNCE, now);
        tracker.kernel(usable(), now);
        Inet6Address other = LinkLocal.parse("fe80::99");
        LinkTracker.Decision decision = tracker.kernel(kernel(Set.of("UP", "LOWER_UP"), new KernelAddress(other, Optional.empty(), false, false)), now);
        LinkChange.Changed changed = assertInstanceOf(LinkChange.Changed.class, decision.changes().get(0));
        assertEquals(other, changed.link().local());
    }

    @Test
    void takesThePeerFromAPointToPointAddress() {
        LinkTracker tracker = new LinkTracker(WAN, LinkMode.ETHERNET, DEBOUNCE, now);
        LinkTracker.Decision decision = tracker.kernel(kernel(Set.of("UP", "LOWER_UP", "POINTOPOINT"),
                new KernelAddress(LinkLocal.parse("fe80::aa"), Optional.empty(), false, false),
                new KernelAddress(LL, Optional.of(PEER), false, false)), now);
        LinkChange.Up up = assertInstanceOf(LinkChange.Up.class, decision.changes().get(0));
        assertEquals(LL, up.link().local());
        assertEquals(Optional.of(PEER), up.link().peer());
    }

    @Test
    void inPppdModeCarriesThePppdSessionAndPeer() {
        LinkTracker tracker = new LinkTracker(WAN, LinkMode.PPPD, DEBOUNCE, now);
        tracker.kernel(usable(), now);
        LinkTracker.Decision decision = tracker.pppdUp(pppdUp(4242), now);
        LinkChange.Changed changed = assertInstanceOf(LinkChange.Changed.class, decision.changes().get(0));
        assertEquals(Optional.of(PEER), changed.link().peer());
        assertEquals(4242, changed.link().pppd().orElseThrow().pid());
        assertEquals(Optional.of(4242L), tracker.pppdPid());
    }

    @Test
    void inPppdModeAnIpv6DownWithdrawsAfterTheDebounce() {
        LinkTracker tracker = new LinkTracker(WAN, LinkMode.PPPD, DEBOUNCE, now);
        tracker.pppdUp(pppdUp(4242), now);
        assertInstanceOf(LinkChange.Up.class, tracker.kernel(usable(), now).changes().get(0));
        assertEquals(List.of(), tracker.pppdDown("pppd ipv6-down", now).changes());
        assertEquals(Optional.empty(), tracker.pppdPid());
        assertEquals(List.of(), tracker.kernel(usable(), now).changes(), "the kernel alone does not bring a pppd link back");
        advance(DEBOUNCE);
        LinkChange.Down down = assertInstanceOf(LinkChange.Down.class, tracker.tick(now).changes().get(0));
        assertEquals("pppd ipv6-down", down.reason());
    }

    @Test
    void inPppdModeWaitsForPppdsLinkLocalToBeUsable() {
        LinkTracker tracker = new LinkTracker(WAN, LinkMode.PPPD, DEBOUNCE, now);
        tracker.kernel(kernel(Set.of("UP", "LOWER_UP"), new KernelAddress(LL, Optional.of(PEER), true, false)), now);
        assertEquals(List.of(), tracker.pppdUp(pppdUp(4242), now).changes());
        assertEquals("link-local address is tentative or failed DAD", tracker.status().reason());
        assertInstanceOf(LinkChange.Up.class, tracker.kernel(kernel(Set.of("UP", "LOWER_UP"), new KernelAddress(LL, Optional.of(PEER), false, false)), now).changes().get(0));
    }

    @Test
    void inPppdModeALinkAlreadyUpAtStartIsFoundFromTheKernel() {
        LinkTracker tracker = new LinkTracker(WAN, LinkMode.PPPD, DEBOUNCE, now);
        LinkChange.Up up = assertInstanceOf(LinkChange.Up.class, tracker.kernel(usable(), now).changes().get(0));
        assertEquals(Optional.empty(), up.link().pppd());
    }

    @Test
    void aPppdRestartInsideTheDebounceIsAChangeNotADrop() {
        LinkTracker tracker = new LinkTracker(WAN, LinkMode.PPPD, DEBOUNCE, now);
        tracker.kernel(usable(), now);
        tracker.pppdUp(pppdUp(100), now);
        tracker.pppdDown("pppd process 100 exited", now);
        advance(Duration.ofSeconds(1));
        LinkChange.Changed changed = assertInstanceOf(LinkChange.Changed.class, tracker.pppdUp(pppdUp(200), now).changes().get(0));
        assertEquals(200, changed.link().pppd().orElseThrow().pid());
        advance(Duration.ofSeconds(5));
        assertEquals(List.of(), tracker.tick(now).changes());
    }
}
