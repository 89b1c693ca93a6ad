package org.prefixd.dhcp6.codec;

import java.util.List;

/** A sequence of 16-bit length-prefixed opaque fields (user class, vendor class data). */
final class Opaques {
    private Opaques() {
    }

    static List<Bytes> read(Reader body, String what) throws DecodeException {
        PendingItems items = body.context.pending;
        int firstItem = items.mark();
        while (body.hasRemaining()) {
            int length = body.u16(what + "-len");
            items.add(Bytes.wrap(body.bytes(length, what)));
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
