package org.prefixd.dhcp6.codec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Identity Association for Non-temporary Addresses (RFC 8415 §21.4): IAID, T1, T2 and options
 * (IA Address, Status Code, ...).
 */
public record IaNa(long iaid, long t1, long t2, Options options) implements Option {
    public IaNa {
        Lifetimes.check("IAID", iaid);
        Lifetimes.check("T1", t1);
        Lifetimes.check("T2", t2);
        Objects.requireNonNull(options, "options");
    }

    public int code() {
        return OptionCodes.IA_NA;
    }

    /**
     * RFC 8415 §21.4: a client discards an IA_NA whose T1 is greater than its T2 when both are
     * greater than 0, and goes on with the rest of the message.
     */
    public boolean timersValid() {
        return !(t1 > 0 && t2 > 0 && t1 > t2);
    }

    public List<IaAddress> addresses() {
        return options.all(IaAddress.class);
    }

    public Optional<StatusCode> status() {
        return options.get(StatusCode.class);
    }

    static IaNa read(Reader body, int relayDepth) throws DecodeException {
        if (body.remaining() < 12) throw body.error("IA_NA needs 12 bytes (IAID, T1, T2), got " + body.remaining());
        return new IaNa(body.u32("IAID"), body.u32("T1"), body.u32("T2"), OptionReader.readAll(body, relayDepth));
    }

    public void writeBody(Writer out) {
        out.u32(iaid);
        out.u32(t1);
        out.u32(t2);
        options.write(out);
    }
}
