package org.prefixd.dhcp6.codec;

import java.util.List;
import java.util.Objects;

/**
 * Vendor-specific Information (RFC 8415 §21.17): an enterprise number and the vendor's own
 * options, kept as code and bytes (their meaning is the vendor's).
 */
public record VendorOptions(long enterpriseNumber, List<Suboption> suboptions) implements Option {
    public record Suboption(int code, Bytes data) {
        public Suboption {
            if (code < 0 || code > 0xffff) throw new IllegalArgumentException("vendor option code " + code + " does not fit 16 bits");
            Objects.requireNonNull(data, "data");
        }
    }

    public VendorOptions {
        Lifetimes.check("enterprise number", enterpriseNumber);
        suboptions = List.copyOf(suboptions);
    }

    public int code() {
        return OptionCodes.VENDOR_OPTS;
    }

    static VendorOptions read(Reader body) throws DecodeException {
        long enterprise = body.u32("enterprise-number");
        PendingItems subs = body.context.pending;
        int firstSub = subs.mark();
        while (body.hasRemaining()) {
            if (body.remaining() < 4) throw body.error("vendor option header needs 4 bytes, " + body.remaining() + " left");
            int code = body.u16("sub-opt-code");
            int length = body.u16("sub-option-len");
            body.need(length, "vendor option", code);
            int outerEnd = body.narrow(length);
            subs.add(new Suboption(code, body.rest()));
            body.widen(outerEnd);
        }
        return new VendorOptions(enterprise, subs.takeSince(firstSub));
    }

    public void writeBody(Writer out) {
        out.u32(enterpriseNumber);
        for (Suboption s : suboptions) {
            out.u16(s.code());
            out.u16(s.data().length());
            s.data().writeTo(out);
        }
    }
}
