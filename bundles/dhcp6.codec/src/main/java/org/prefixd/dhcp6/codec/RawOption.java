package org.prefixd.dhcp6.codec;

import java.util.Objects;

/** An option this codec has no type for (or that a caller adds by code and hex), kept as bytes. */
public record RawOption(int code, Bytes data) implements Option {
    public RawOption {
        if (code < 0 || code > 0xffff) throw new IllegalArgumentException("option code " + code + " does not fit 16 bits");
        Objects.requireNonNull(data, "data");
        if (data.length() > 0xffff) throw new IllegalArgumentException("option data of " + data.length() + " bytes is longer than 65535");
    }

    /** An option given as code and hex, as in a configuration ("raw options" of seed 003). */
    public static RawOption fromHex(int code, String hex) {
        return new RawOption(code, Bytes.fromHex(hex));
    }

    @Override
    public void writeBody(Writer out) {
        data.writeTo(out);
    }
}
