package org.prefixd.pd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.prefixd.api.DelegatedPrefix;
import org.prefixd.api.InterfaceName;
import org.prefixd.api.LanPrefix;

/** The distributor on a virtual clock: hours of renumbering in microseconds. */
class DistributorTest {
    private static final InterfaceName WAN = InterfaceName.of("wan0");
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final Duration GRACE = Duration.ofSeconds(30);

    private static DelegatedPrefix delegated(String prefix, Instant preferred, Instant valid) {
        return new DelegatedPrefix(WAN, 1, SubnetAllocatorTest.prefix(prefix), preferred, valid);
    }

    private static final List<LanRequest> LANS = List.of(new LanRequest(InterfaceName.of("br-lan"), 64, OptionalLong.empty()),
            new LanRequest(InterfaceName.of("guest"), 64, OptionalLong.of(0x10)));

    private static List<String> lines(Distributor.Result r) {
        return r.prefixes().stream().map(p -> p.lan() + " " + p.subnet() + (p.deprecated() ? " deprecated" : "")
                + " pref " + p.preferredUntil() + " valid " + p.validUntil()).toList();
    }

    @Test
    void givesEveryLanASubnetWithTheDelegatedPrefixsLifetimes() {
        Distributor d = new Distributor(Assignments.NONE, GRACE);
        Distributor.Result r = d.update(List.of(delegated("2001:db8:100::/56", T0.plusSeconds(3600), T0.plusSeconds(7200))), LANS, T0);
        assertEquals(List.of("br-lan 2001:db8:100::/64 pref 2026-11-25T11:00:00Z valid 2026-11-25T12:00:00Z",
                "guest 2001:db8:100:10::/64 pref 2026-11-25T11:00:00Z valid 2026-11-25T12:00:00Z"), lines(r));
        assertEquals(List.of(), r.problems());
    }

    @Test
    void anExclusionOnARenewalMovesOnlyTheLanOnItAndItsOldSubnetGoesAtOnce() {
        Distributor d = new Distributor(Assignments.NONE, GRACE);
        d.update(List.of(delegated("2001:db8:100::/56", T0.plusSeconds(3600), T0.plusSeconds(7200))), LANS, T0);
        DelegatedPrefix excluding = new DelegatedPrefix(WAN, 1, SubnetAllocatorTest.prefix("2001:db8:100::/56"), T0.plusSeconds(3660),
                T0.plusSeconds(7260), java.util.Optional.of(SubnetAllocatorTest.prefix("2001:db8:100::/64")));
        Distributor.Result r = d.update(List.of(excluding), LANS, T0.plusSeconds(60));
        assertEquals(List.of("br-lan 2001:db8:100:1::/64 pref 2026-11-25T11:01:00Z valid 2026-11-25T12:01:00Z",
                "guest 2001:db8:100:10::/64 pref 2026-11-25T11:01:00Z valid 2026-11-25T12:01:00Z"), lines(r),
                "no deprecated 2001:db8:100::/64: the server uses it on the WAN link");
        assertEquals(List.of("br-lan: its 2001:db8:100::/64 is now excluded by the server (RFC 6603): given 2001:db8:100:1::/64"), r.notes());
    }

    @Test
    void deprecatesTheOldSubnetsWhenThePrefixChangesAndLetsThemRunOut() {
        Distributor d = new Distributor(Assignments.NONE, GRACE);
        d.update(List.of(delegated("2001:db8:100::/56", T0.plusSeconds(86400), T0.plusSeconds(172800))), LANS, T0);
        Instant t1 = T0.plusSeconds(600);
        // The old prefix is missed from t1 on; until the grace is over it could still come back.
        Distributor.Result inGrace = d.update(List.of(delegated("2001:db8:900::/56", t1.plusSeconds(3600), t1.plusSeconds(7200))), LANS, t1);
        assertTrue(inGrace.prefixes().stream().noneMatch(LanPrefix::deprecated) && inGrace.prefixes().size() == 4, lines(inGrace).toString());
        Instant at = t1.plus(GRACE);
        Distributor.Result r = d.update(List.of(delegated("2001:db8:900::/56", t1.plusSeconds(3600), t1.plusSeconds(7200))), LANS, at);
        assertTrue(lines(r).contains("br-lan 2001:db8:100::/64 deprecated pref " + at + " valid " + at.plus(Distributor.STALE_VALID_LIMIT)), lines(r).toString());
        assertTrue(lines(r).contains("br-lan 2001:db8:900::/64 pref " + t1.plusSeconds(3600) + " valid " + t1.plusSeconds(7200)), lines(r).toString());
        // an hour later the stale valid lifetime has not grown back to two hours
        Instant later = at.plusSeconds(3600);
        Distributor.Result r2 = d.update(List.of(delegated("2001:db8:900::/56", t1.plusSeconds(3600), t1.plusSeconds(7200))), LANS, later);
        LanPrefix stale = r2.prefixes().stream().filter(LanPrefix::deprecated).filter(p -> p.lan().value().equals("br-lan")).findFirst().orElseThrow();
        assertEquals(at.plus(Distributor.STALE_VALID_LIMIT), stale.validUntil(), "only decreases");
        Distributor.Result r3 = d.update(List.of(delegated("2001:db8:900::/56", t1.plusSeconds(3600), t1.plusSeconds(7200))), LANS,
                at.plus(Distributor.STALE_VALID_LIMIT));
        assertTrue(r3.prefixes().stream().noneMatch(LanPrefix::deprecated), "gone once the valid lifetime ran out: " + lines(r3));
    }

    @Test
    void deprecatesTheSubnetsOfAWithdrawnPrefixInTheSameUpdateWithoutGrace() {
        Distributor d = new Distributor(Assignments.NONE, GRACE);
        DelegatedPrefix old = delegated("2001:db8:100::/56", T0.plusSeconds(3600), T0.plusSeconds(7200));
        d.update(List.of(old), LANS, T0);
        Instant t1 = T0.plusSeconds(60);
        DelegatedPrefix fresh = delegated("2001:db8:900::/56", t1.plusSeconds(3600), t1.plusSeconds(7200));
        // The server's Reply: the old /56 with lifetimes 0, a new one beside it.
        Distributor.Result r = d.update(List.of(old.withdrawnAt(t1), fresh), LANS, t1);
        assertTrue(lines(r).contains("br-lan 2001:db8:100::/64 deprecated pref " + t1 + " valid " + old.validUntil()), lines(r).toString());
        assertTrue(lines(r).contains("guest 2001:db8:100:10::/64 deprecated pref " + t1 + " valid " + old.validUntil()), lines(r).toString());
        assertTrue(lines(r).contains("br-lan 2001:db8:900::/64 pref " + fresh.preferredUntil() + " valid " + fresh.validUntil()), lines(r).toString());
        // The withdrawn service then goes: nothing comes back, nothing waits for a grace.
        Distributor.Result after = d.update(List.of(fresh), LANS, t1.plusSeconds(1));
        assertEquals(r.prefixes(), after.prefixes());
    }

    @Test
    void aPrefixBothHeldAndWithdrawnInOneUpdateIsHeld() {
        Distributor d = new Distributor(Assignments.NONE, GRACE);
        DelegatedPrefix p = delegated("2001:db8:100::/56", T0.plusSeconds(3600), T0.plusSeconds(7200));
        Distributor.Result r = d.update(List.of(p.withdrawnAt(T0), p), LANS, T0.plusSeconds(1));
        assertTrue(r.prefixes().stream().noneMatch(LanPrefix::deprecated) && r.prefixes().size() == 2, lines(r).toString());
    }

    @Test
    void changesNothingWhenTheDelegatedPrefixVanishesAndReturnsWithinTheGrace() {
        Distributor d = new Distributor(Assignments.NONE, GRACE);
        DelegatedPrefix p = delegated("2001:db8:100::/56", T0.plusSeconds(3600), T0.plusSeconds(7200));
        Distributor.Result before = d.update(List.of(p), LANS, T0);
        Distributor.Result gap = d.update(List.of(), LANS, T0.plusSeconds(1));
        assertEquals(before.prefixes(), gap.prefixes(), "the client bundle is being updated: nothing changes on the LAN");
        assertEquals(before.prefixes(), d.update(List.of(p), LANS, T0.plusSeconds(2)).prefixes());
        d.update(List.of(), LANS, T0.plusSeconds(3)); // missed again, from here on
        Distributor.Result gone = d.update(List.of(), LANS, T0.plusSeconds(3).plus(GRACE));
        assertTrue(gone.prefixes().stream().allMatch(LanPrefix::deprecated) && gone.prefixes().size() == 2, lines(gone).toString());
    }

    @Test
    void movesOnlyTheLanWhoseConfigurationChanged() {
        Distributor d = new Distributor(Assignments.NONE, GRACE);
        List<DelegatedPrefix> p = List.of(delegated("2001:db8:100::/56", T0.plusSeconds(3600), T0.plusSeconds(7200)));
        d.update(p, LANS, T0);
        List<LanRequest> moved = List.of(LANS.get(0), new LanRequest(InterfaceName.of("guest"), 64, OptionalLong.of(0x20)));
        Distributor.Result r = d.update(p, moved, T0.plusSeconds(10));
        assertTrue(lines(r).contains("br-lan 2001:db8:100::/64 pref 2026-11-25T11:00:00Z valid 2026-11-25T12:00:00Z"), lines(r).toString());
        assertTrue(lines(r).stream().anyMatch(l -> l.startsWith("guest 2001:db8:100:10::/64 deprecated")), lines(r).toString());
        assertTrue(lines(r).stream().anyMatch(l -> l.startsWith("guest 2001:db8:100:20::/64 pref")), lines(r).toString());
    }

    @Test
    void aRestartWithTheKeptAssignmentsGivesTheSameSubnets() {
        DelegatedPrefix p = delegated("2001:db8:100::/56", T0.plusSeconds(3600), T0.plusSeconds(7200));
        List<LanRequest> three = List.of(new LanRequest(InterfaceName.of("c"), 64, OptionalLong.empty()));
        Distributor first = new Distributor(Assignments.NONE, GRACE);
        first.update(List.of(p), three, T0);
        Distributor.Result kept = first.update(List.of(p), List.of(new LanRequest(InterfaceName.of("a"), 64, OptionalLong.empty()), three.get(0)), T0);
        // "c" had ::/64 before "a" came; after a restart with the stored assignments it still has it.
        Distributor second = new Distributor(Assignments.fromText(kept.assignments().toText()), GRACE);
        Distributor.Result after = second.update(List.of(p), List.of(three.get(0), new LanRequest(InterfaceName.of("a"), 64, OptionalLong.empty())), T0);
        assertEquals(lines(kept), lines(after));
        assertTrue(lines(after).get(1).startsWith("c 2001:db8:100::/64"), lines(after).toString());
    }

    @Test
    void aLanTakesOnlyFromTheWanLinksItNames() {
        Distributor d = new Distributor(Assignments.NONE, GRACE);
        DelegatedPrefix fromWan = delegated("2001:db8:100::/56", T0.plusSeconds(3600), T0.plusSeconds(7200));
        DelegatedPrefix fromLte = new DelegatedPrefix(InterfaceName.of("lte0"), 1, SubnetAllocatorTest.prefix("2001:db8:700::/56"),
                T0.plusSeconds(3600), T0.plusSeconds(7200));
        List<LanRequest> lans = List.of(new LanRequest(InterfaceName.of("br-lan"), 64, OptionalLong.empty()),
                new LanRequest(InterfaceName.of("guest"), 64, OptionalLong.empty(), java.util.Set.of(InterfaceName.of("lte0"))));
        List<String> got = lines(d.update(List.of(fromWan, fromLte), lans, T0));
        assertEquals(3, got.size(), got.toString());
        assertTrue(got.stream().filter(l -> l.startsWith("guest ")).allMatch(l -> l.startsWith("guest 2001:db8:700:")), got.toString());
    }

    @Test
    void aLanTakesOnlyFromTheIaPdsItNames() {
        Distributor d = new Distributor(Assignments.NONE, GRACE);
        DelegatedPrefix one = new DelegatedPrefix(WAN, 1, SubnetAllocatorTest.prefix("2001:db8:100::/56"), T0.plusSeconds(3600), T0.plusSeconds(7200));
        DelegatedPrefix two = new DelegatedPrefix(WAN, 2, SubnetAllocatorTest.prefix("2001:db8:200::/56"), T0.plusSeconds(3600), T0.plusSeconds(7200));
        List<LanRequest> lans = List.of(new LanRequest(InterfaceName.of("guest"), 64, OptionalLong.empty(), java.util.Set.of(), java.util.Set.of(2L)));
        List<String> got = lines(d.update(List.of(one, two), lans, T0));
        assertEquals(1, got.size(), got.toString());
        assertTrue(got.get(0).startsWith("guest 2001:db8:200::/64"), got.toString());
    }

    @Test
    void saysWhichLanGotNoSubnetAndServesTheOthers() {
        Distributor d = new Distributor(Assignments.NONE, GRACE);
        List<LanRequest> lans = List.of(new LanRequest(InterfaceName.of("big"), 48, OptionalLong.empty()), LANS.get(0));
        Distributor.Result r = d.update(List.of(delegated("2001:db8:100::/56", T0.plusSeconds(3600), T0.plusSeconds(7200))), lans, T0);
        assertEquals(List.of("big: a /48 does not fit in the delegated 2001:db8:100::/56"), r.problems());
        assertEquals(1, r.prefixes().size());
    }
}
