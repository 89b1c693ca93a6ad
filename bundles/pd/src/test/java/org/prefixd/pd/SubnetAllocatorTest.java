package org.prefixd.pd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.prefixd.api.InterfaceName;
import org.prefixd.api.Prefix;
import org.prefixd.pd.SubnetAllocator.Outcome;

class SubnetAllocatorTest {
    private static final Prefix P56 = prefix("2001:db8:100::/56");

    static Prefix prefix(String text) {
        return Prefix.parse(text);
    }

    private static LanRequest lan(String name, int length) {
        return new LanRequest(InterfaceName.of(name), length, OptionalLong.empty());
    }

    private static LanRequest lan(String name, int length, long hint) {
        return new LanRequest(InterfaceName.of(name), length, OptionalLong.of(hint));
    }

    private static String subnet(Map<InterfaceName, Outcome> out, String lan) {
        Outcome o = out.get(InterfaceName.of(lan));
        return o instanceof Outcome.Assigned a ? a.subnet().toString() : "none: " + ((Outcome.NoSpace) o).why();
    }

    @Test
    void givesTheLowestFreeSubnetsInNameOrderWhateverOrderTheLansComeIn() {
        List<LanRequest> lans = new ArrayList<>(List.of(lan("lan1", 64), lan("guest", 64), lan("iot", 64)));
        Map<InterfaceName, Outcome> first = SubnetAllocator.assign(P56, lans, Map.of());
        assertEquals("2001:db8:100::/64", subnet(first, "guest"));
        assertEquals("2001:db8:100:1::/64", subnet(first, "iot"));
        assertEquals("2001:db8:100:2::/64", subnet(first, "lan1"));
        Collections.reverse(lans);
        assertEquals(first, SubnetAllocator.assign(P56, lans, Map.of()));
    }

    private static String note(Map<InterfaceName, Outcome> out, String lan) {
        return ((Outcome.Assigned) out.get(InterfaceName.of(lan))).note().orElse("");
    }

    @Test
    void neverGivesTheExcludedPrefixNorASubnetOverlappingIt() {
        java.util.Optional<Prefix> excluded = java.util.Optional.of(prefix("2001:db8:100:1::/64"));
        Map<InterfaceName, Outcome> out = SubnetAllocator.assign(P56, excluded,
                List.of(lan("lan0", 64), lan("lan1", 64, 1), lan("lan2", 64, 2), lan("lan3", 60)), Map.of());
        assertEquals("2001:db8:100:10::/60", subnet(out, "lan3"), "the /60 holding the excluded /64 is not free");
        assertEquals("2001:db8:100:2::/64", subnet(out, "lan2"));
        assertEquals("2001:db8:100::/64", subnet(out, "lan0"));
        assertEquals("2001:db8:100:3::/64", subnet(out, "lan1"), "its hint is the excluded one: the lowest free instead");
        assertEquals("hint 1 asks for 2001:db8:100:1::/64, which the server excludes (RFC 6603): given 2001:db8:100:3::/64", note(out, "lan1"));
        assertEquals("", note(out, "lan0"));
        assertEquals(out, SubnetAllocator.assign(P56, excluded, List.of(lan("lan3", 60), lan("lan2", 64, 2), lan("lan1", 64, 1), lan("lan0", 64)), Map.of()),
                "deterministic");
    }

    @Test
    void aLanWhoseSubnetBecomesExcludedMovesAndALongerExclusionBlocksItsWholeSubnet() {
        Map<InterfaceName, Prefix> before = Map.of(InterfaceName.of("lan0"), prefix("2001:db8:100::/64"), InterfaceName.of("lan1"), prefix("2001:db8:100:1::/64"));
        Map<InterfaceName, Outcome> out = SubnetAllocator.assign(P56, java.util.Optional.of(prefix("2001:db8:100:1:8000::/72")),
                List.of(lan("lan0", 64), lan("lan1", 64)), before);
        assertEquals("2001:db8:100::/64", subnet(out, "lan0"), "kept");
        assertEquals("2001:db8:100:2::/64", subnet(out, "lan1"));
        assertEquals("its 2001:db8:100:1::/64 is now excluded by the server (RFC 6603): given 2001:db8:100:2::/64", note(out, "lan1"));
        Map<InterfaceName, Outcome> whole = SubnetAllocator.assign(P56, java.util.Optional.of(prefix("2001:db8:100:1::/64")), List.of(lan("lan0", 56)), Map.of());
        assertEquals("none: no free /56 left in 2001:db8:100::/56 (2001:db8:100:1::/64 is excluded by the server)", subnet(whole, "lan0"));
    }

    @Test
    void placesLargerAssignmentsFirstSoTheyStayAligned() {
        Map<InterfaceName, Outcome> out = SubnetAllocator.assign(P56, List.of(lan("a", 64), lan("b", 60), lan("c", 64)), Map.of());
        assertEquals("2001:db8:100::/60", subnet(out, "b"));
        assertEquals("2001:db8:100:10::/64", subnet(out, "a"));
        assertEquals("2001:db8:100:11::/64", subnet(out, "c"));
    }

    @Test
    void honoursHintsMaskedToTheBitsThereAre() {
        Map<InterfaceName, Outcome> out = SubnetAllocator.assign(P56, List.of(lan("a", 64, 0x10), lan("b", 64, 0x1ff), lan("c", 64)), Map.of());
        assertEquals("2001:db8:100:10::/64", subnet(out, "a"));
        assertEquals("2001:db8:100:ff::/64", subnet(out, "b"), "only the 8 bits a /56 has for /64s count");
        assertEquals("2001:db8:100::/64", subnet(out, "c"));
    }

    @Test
    void keepsEarlierSubnetsWhenANewLanHintsAtOne() {
        Map<InterfaceName, Prefix> before = Map.of(InterfaceName.of("lan"), prefix("2001:db8:100:5::/64"));
        Map<InterfaceName, Outcome> out = SubnetAllocator.assign(P56, List.of(lan("lan", 64), lan("new", 64, 5)), before);
        assertEquals("2001:db8:100:5::/64", subnet(out, "lan"), "a LAN whose configuration did not change keeps its subnet");
        assertEquals("2001:db8:100::/64", subnet(out, "new"), "the taken hint falls back to the lowest free subnet");
    }

    @Test
    void movesALanWhoseHintOrLengthChangedAndOnlyThatLan() {
        Map<InterfaceName, Prefix> before = Map.of(InterfaceName.of("a"), prefix("2001:db8:100::/64"), InterfaceName.of("b"), prefix("2001:db8:100:1::/64"));
        Map<InterfaceName, Outcome> hinted = SubnetAllocator.assign(P56, List.of(lan("a", 64, 7), lan("b", 64)), before);
        assertEquals("2001:db8:100:7::/64", subnet(hinted, "a"));
        assertEquals("2001:db8:100:1::/64", subnet(hinted, "b"));
        Map<InterfaceName, Outcome> longer = SubnetAllocator.assign(P56, List.of(lan("a", 62), lan("b", 64)), before);
        assertEquals("2001:db8:100:4::/62", subnet(longer, "a"), "a /62 aligned past b's /64");
        assertEquals("2001:db8:100:1::/64", subnet(longer, "b"));
    }

    @Test
    void aLanThatDoesNotFitIsToldWhyAndTheOthersAreServed() {
        Prefix p62 = prefix("2001:db8:100::/62");
        List<LanRequest> lans = new ArrayList<>();
        for (String name : List.of("a", "b", "c", "d", "e")) lans.add(lan(name, 64));
        lans.add(lan("big", 48));
        Map<InterfaceName, Outcome> out = SubnetAllocator.assign(p62, lans, Map.of());
        assertEquals("none: a /48 does not fit in the delegated 2001:db8:100::/62", subnet(out, "big"));
        assertEquals("2001:db8:100:3::/64", subnet(out, "d"));
        assertEquals("none: no free /64 left in 2001:db8:100::/62", subnet(out, "e"));
    }

    @Test
    void dropsAnEarlierSubnetThatNoLongerFits() {
        Map<InterfaceName, Prefix> before = new HashMap<>();
        before.put(InterfaceName.of("a"), prefix("2001:db8:200::/64")); // another delegated prefix's
        before.put(InterfaceName.of("b"), prefix("2001:db8:100::/64"));
        before.put(InterfaceName.of("c"), prefix("2001:db8:100::/64")); // the same subnet twice: the first in name order keeps it
        Map<InterfaceName, Outcome> out = SubnetAllocator.assign(P56, List.of(lan("a", 64), lan("b", 64), lan("c", 64)), before);
        assertEquals("2001:db8:100::/64", subnet(out, "b"));
        assertEquals("2001:db8:100:1::/64", subnet(out, "a"));
        assertEquals("2001:db8:100:2::/64", subnet(out, "c"));
    }

    @Test
    void findsTheFreeSubnetAfterALargeTakenOneWithoutWalkingEveryIndex() {
        Prefix p16 = prefix("2001::/16");
        Map<InterfaceName, Prefix> before = Map.of(InterfaceName.of("huge"), prefix("2001::/17"));
        Map<InterfaceName, Outcome> out = SubnetAllocator.assign(p16, List.of(lan("huge", 17), lan("small", 64)), before);
        assertEquals("2001:8000::/64", subnet(out, "small"));
        assertTrue(out.get(InterfaceName.of("huge")) instanceof Outcome.Assigned);
    }

    @Test
    void givesTheWholePrefixToALanThatAsksForItsLength() {
        assertEquals("2001:db8:100::/56", subnet(SubnetAllocator.assign(P56, List.of(lan("all", 56, 3)), Map.of()), "all"));
    }

    @Test
    void aPrefixDelegatedToADownstreamRouterIsNeverALansSubnetNorItsHint() {
        List<Prefix> downstream = List.of(prefix("2001:db8:100:10::/60"));
        Map<InterfaceName, Outcome> out = SubnetAllocator.assign(P56, java.util.Optional.empty(), downstream,
                List.of(lan("lan0", 64), lan("lan1", 64, 0x10), lan("lan2", 60)), Map.of());
        assertEquals("2001:db8:100::/60", subnet(out, "lan2"), "larger subnets first");
        assertEquals("2001:db8:100:20::/64", subnet(out, "lan0"));
        assertEquals("2001:db8:100:21::/64", subnet(out, "lan1"), "its hint lies in the downstream router's /60: the lowest free instead");
    }
}
