package org.prefixd.dhcp6.codec;

import java.util.Objects;

/** Server Identifier (RFC 8415 §21.3). */
public record ServerId(Duid duid) implements Option {
    public ServerId {
        Objects.requireNonNull(duid, "duid");
    }

    public int code() {
        return OptionCodes.SERVERID;
    }

    public void writeBody(Writer out) {
        duid.bytes().writeTo(out);
    }
}
