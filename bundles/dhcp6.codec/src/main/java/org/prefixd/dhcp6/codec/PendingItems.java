package org.prefixd.dhcp6.codec;

import java.util.Arrays;
import java.util.List;

/**
 * Items decoded but not yet gathered into their immutable list, for the lists that are read one
 * inside the other (options in an option, names in an option, labels in a name): each list's
 * items lie on top of those of the list around it. One per packet, so that reading a list
 * allocates its immutable list and nothing else.
 */
final class PendingItems {
    private Object[] items = new Object[16];
    private int size;

    /** Where the items of a list that starts now will begin. */
    int mark() {
        return size;
    }

    void add(Object item) {
        if (size == items.length) items = Arrays.copyOf(items, size * 2);
        items[size++] = item;
    }

    /**
     * The items added since {@code mark}, as an immutable list, taken off the stack. The caller
     * added only items of type {@code T}.
     */
    @SuppressWarnings("unchecked")
    <T> List<T> takeSince(int mark) {
        List<Object> list = switch (size - mark) {
            case 0 -> List.of();
            case 1 -> List.of(items[mark]);
            case 2 -> List.of(items[mark], items[mark + 1]);
            default -> List.of(Arrays.copyOfRange(items, mark, size));
        };
        size = mark; // slots above are not cleared: the stack lives only while one packet is decoded
        return (List<T>) list;
    }

    /** Takes the items added since {@code mark} off the stack, for a list that is not kept. */
    void dropSince(int mark) {
        size = mark;
    }
}
