package org.prefixd.dhcp6.codec;

import java.util.List;

/** Option Request (RFC 8415 §21.7): the option codes the client asks for. */
public record OptionRequest(List<Integer> codes) implements Option {
    public OptionRequest {
        codes = List.copyOf(codes);
        for (int c : codes) if (c < 0 || c > 0xffff) throw new IllegalArgumentException("option code " + c + " does not fit 16 bits");
        if (codes.size() * 2 > 0xffff) throw new IllegalArgumentException("too many option codes");
    }

    public static OptionRequest of(Integer... codes) {
        return new OptionRequest(List.of(codes));
    }

    public int code() {
        return OptionCodes.ORO;
    }

    static OptionRequest read(Reader body) throws DecodeException {
        if (body.remaining() % 2 != 0) throw body.error("ORO of " + body.remaining() + " bytes is not a list of 2-byte codes");
        PendingItems codes = body.context.pending;
        int firstCode = codes.mark();
        while (body.hasRemaining()) codes.add(body.u16("requested-option-code"));
        return new OptionRequest(codes.takeSince(firstCode));
    }

    public void writeBody(Writer out) {
        for (int c : codes) out.u16(c);
    }
}
