package org.prefixd.dhcp6.codec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Identity Association for Prefix Delegation (RFC 8415 §21.21): IAID, T1, T2 and options
 * (IA Prefix, Status Code, ...).
 */
public record IaPd(long iaid, long t1, long t2, Options options) implements Option {
    public IaPd {
        Lifetimes.check("IAID", iaid);
        Lifetimes.check("T1", t1);
        Lifetimes.check("T2", t2);
        Objects.requireNonNull(options, "options");
    }

    public int code() {
        return OptionCodes.IA_PD;
    }

    /**
     * RFC 8415 §21.21: a client discards an IA_PD whose T1 is greater than its T2 when both are
     * greater than 0, and goes on with the rest of the message.
     */
    public boolean timersValid() {
        return !(t1 > 0 && t2 > 0 && t1 > t2);
    }

    public List<IaPrefix> prefixes() {
        return options.all(IaPrefix.class);
    }

    public Optional<StatusCode> status() {
        return options.get(StatusCode.class);
    }

    static IaPd read(Reader body, int relayDepth) throws DecodeException {
        if (body.remaining() < 12) throw body.error("IA_PD needs 12 bytes (IAID, T1, T2), got " + body.remaining());
        return new IaPd(body.u32("IAID"), body.u32("T1"), body.u32("T2"), OptionReader.readAll(body, relayDepth));
    }

    public void writeBody(Writer out) {
        out.u32(iaid);
        out.u32(t1);
        out.u32(t2);
        options.write(out);
    }
}
