package org.prefixd.pd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.prefixd.api.InterfaceName;
import org.prefixd.api.Prefix;

class AssignmentsTest {
    private static final InterfaceName LAN = InterfaceName.of("br-lan");

    private static Prefix p(String text) {
        return SubnetAllocatorTest.prefix(text);
    }

    @Test
    void aPrefixThatComesBackGetsTheSameSubnetsAfterAnother() {
        Prefix first = p("2001:db8:100::/56"), second = p("2001:db8:900::/56");
        List<LanRequest> lans = List.of(new LanRequest(LAN, 64, OptionalLong.empty()), new LanRequest(InterfaceName.of("guest"), 64, OptionalLong.of(9)));
        Assignments store = Assignments.NONE.with(first, Map.of(LAN, p("2001:db8:100:3::/64")));
        store = store.with(second, Map.of(LAN, p("2001:db8:900::/64")));
        var back = SubnetAllocator.assign(first, lans, store.of(first));
        assertEquals(new SubnetAllocator.Outcome.Assigned(p("2001:db8:100:3::/64")), back.get(LAN), "renumbered back: the same subnet");
    }

    @Test
    void writesAndReadsBackTheSameMostRecentFirst() {
        Assignments store = Assignments.NONE.with(p("2001:db8:100::/56"), Map.of(LAN, p("2001:db8:100:3::/64")))
                .with(p("2001:db8:900::/56"), Map.of(LAN, p("2001:db8:900::/64"), InterfaceName.of("guest"), p("2001:db8:900:1::/64")));
        String text = store.toText();
        assertTrue(text.indexOf("2001:db8:900::/56") < text.indexOf("2001:db8:100::/56"), text);
        assertEquals(store, Assignments.fromText(text));
    }

    @Test
    void remembersAtMostSixteenDelegatedPrefixes() {
        Assignments store = Assignments.NONE;
        for (int i = 0; i < 20; i++) {
            Prefix delegated = p("2001:db8:" + Integer.toHexString(0x100 + i) + "::/48");
            store = store.with(delegated, Map.of(LAN, new Prefix(delegated.network(), 64)));
        }
        assertEquals(Map.of(), store.of(p("2001:db8:103::/48")), "the fourth oldest is forgotten");
        assertEquals(Map.of(LAN, p("2001:db8:104::/64")), store.of(p("2001:db8:104::/48")));
        assertEquals(Assignments.KEPT, store.toText().lines().filter(l -> !l.startsWith("#")).count());
    }

    @Test
    void refusesWhatItDidNotWriteNamingTheLine() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Assignments.fromText("# x\n2001:db8:100::/56 br-lan 2001:db8:200::/64\n"))
                .getMessage().startsWith("line 2: "));
        assertThrows(IllegalArgumentException.class, () -> Assignments.fromText("2001:db8:100::/56 br;lan 2001:db8:100::/64\n"));
        assertThrows(IllegalArgumentException.class, () -> Assignments.fromText("2001:db8:100::/56 br-lan 2001:db8:100::/64 extra\n"));
        assertThrows(IllegalArgumentException.class, () -> Assignments.fromText("2001:db8:100:0::/56 br-lan 2001:db8:100::/64\n"));
        assertThrows(IllegalArgumentException.class, () -> Assignments.fromText("example.com/56 br-lan 2001:db8:100::/64\n"));
        assertThrows(IllegalArgumentException.class, () -> Assignments.fromText("2001:db8:100::/56 br-lan 2001:db8:100::/64\n2001:db8:100::/56 br-lan 2001:db8:100:1::/64\n"));
    }
}
