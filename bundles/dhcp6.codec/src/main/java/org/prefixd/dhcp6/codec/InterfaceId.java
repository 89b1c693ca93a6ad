package org.prefixd.dhcp6.codec;

import java.util.Objects;

/** Interface-Id (RFC 8415 §21.18): opaque, set by a relay agent. */
public record InterfaceId(Bytes value) implements Option {
    public InterfaceId {
        Objects.requireNonNull(value, "value");
    }

    public int code() {
        return OptionCodes.INTERFACE_ID;
    }

    public void writeBody(Writer out) {
        value.writeTo(out);
    }
}
