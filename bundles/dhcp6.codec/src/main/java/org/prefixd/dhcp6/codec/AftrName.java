package org.prefixd.dhcp6.codec;

import java.util.Objects;

/**
 * AFTR-Name (RFC 6334): the DS-Lite tunnel concentrator's name; {@link ReceivedName#hostName()} is empty
 * when the name the server sent is not a host name.
 */
public record AftrName(ReceivedName name) implements Option {
    public AftrName {
        Objects.requireNonNull(name, "name");
        if (!name.absolute()) throw new IllegalArgumentException("the AFTR name is a fully qualified name");
    }


    public int code() {
        return OptionCodes.AFTR_NAME;
    }

    static AftrName read(Reader body) throws DecodeException {
        return new AftrName(DomainName.read(body, false));
    }

    public void writeBody(Writer out) {
        name.write(out);
    }
}
