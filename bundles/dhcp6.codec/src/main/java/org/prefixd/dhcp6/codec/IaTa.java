package org.prefixd.dhcp6.codec;

import java.util.Objects;

/** Identity Association for Temporary Addresses (RFC 8415 §21.5): IAID and options. */
public record IaTa(long iaid, Options options) implements Option {
    public IaTa {
        Lifetimes.check("IAID", iaid);
        Objects.requireNonNull(options, "options");
    }

    public int code() {
        return OptionCodes.IA_TA;
    }

    static IaTa read(Reader body, int relayDepth) throws DecodeException {
        if (body.remaining() < 4) throw body.error("IA_TA needs a 4-byte IAID, got " + body.remaining());
        return new IaTa(body.u32("IAID"), OptionReader.readAll(body, relayDepth));
    }

    public void writeBody(Writer out) {
        out.u32(iaid);
        options.write(out);
    }
}
