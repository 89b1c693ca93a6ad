package org.prefixd.dhcp6.codec;

import java.util.List;

/** A sequence of 16-bit length-prefixed opaque fields (user class, vendor class data). */
final class Opaques {
    private Opaques() {
    }

    /** {@code lengthName} and {@code dataName} name an item's two fields in errors: given whole, not built per item. */
    static List<Bytes> read(Reader body, String lengthName, String dataName) throws DecodeException {
        PendingItems items = body.context.pending;
        int firstItem = items.mark();
        while (body.hasRemaining()) {
            int length = body.u16(lengthName);
            items.add(Bytes.wrap(body.bytes(length, dataName)));
        }
        return items.takeSince(firstItem);
    }

    static void write(Writer out, List<Bytes> items) {
        for (Bytes b : items) {
            out.u16(b.length());
            b.writeTo(out);
        }
    }
}
