package org.prefixd.dhcp6.codec;

import java.util.Objects;

/** Client Identifier (RFC 8415 §21.2). */
public record ClientId(Duid duid) implements Option {
    public ClientId {
        Objects.requireNonNull(duid, "duid");
    }

    public int code() {
        return OptionCodes.CLIENTID;
    }

    public void writeBody(Writer out) {
        duid.bytes().writeTo(out);
    }
}
