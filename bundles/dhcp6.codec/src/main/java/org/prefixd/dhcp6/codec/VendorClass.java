package org.prefixd.dhcp6.codec;

import java.util.List;

/** Vendor Class (RFC 8415 §21.16): an enterprise number and opaque vendor-class data items. */
public record VendorClass(long enterpriseNumber, List<Bytes> data) implements Option {
    public VendorClass {
        Lifetimes.check("enterprise number", enterpriseNumber);
        data = List.copyOf(data);
    }

    public int code() {
        return OptionCodes.VENDOR_CLASS;
    }

    static VendorClass read(Reader body) throws DecodeException {
        return new VendorClass(body.u32("enterprise-number"), Opaques.read(body, "vendor-class-data-len", "vendor-class-data"));
    }

    public void writeBody(Writer out) {
        out.u32(enterpriseNumber);
        Opaques.write(out, data);
    }
}
