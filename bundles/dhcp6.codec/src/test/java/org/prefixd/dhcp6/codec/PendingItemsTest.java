package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PendingItemsTest {
    private final PendingItems pending = new PendingItems();

    @Test
    void givesEachListItsOwnItemsWhenListsAreReadOneInsideTheOther() {
        int outer = pending.mark();
        pending.add("a");
        int inner = pending.mark();
        pending.add("x");
        pending.add("y");
        pending.add("z");
        assertEquals(List.of("x", "y", "z"), pending.takeSince(inner));
        pending.add("b");
        assertEquals(List.of("a", "b"), pending.takeSince(outer));
        assertEquals(0, pending.mark());
    }

    @Test
    void givesListsOfAnyLengthInOrder() {
        for (int length : new int[] {0, 1, 2, 3, 16, 17, 100}) {
            List<Integer> expected = new ArrayList<>();
            int mark = pending.mark();
            for (int i = 0; i < length; i++) {
                expected.add(i);
                pending.add(i);
            }
            assertEquals(expected, pending.takeSince(mark), length + " items");
        }
    }

    @Test
    void givesImmutableLists() {
        int mark = pending.mark();
        pending.add("a");
        List<String> list = pending.takeSince(mark);
        assertThrows(UnsupportedOperationException.class, () -> list.add("b"));
    }

    @Test
    void dropsTheItemsOfAListThatIsNotKept() {
        pending.add("a");
        int dropped = pending.mark();
        for (String item : List.of("x", "y", "z")) pending.add(item);
        pending.dropSince(dropped);
        assertEquals(1, pending.mark());
    }
}
