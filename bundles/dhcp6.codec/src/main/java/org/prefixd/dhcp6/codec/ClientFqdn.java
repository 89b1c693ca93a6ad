package org.prefixd.dhcp6.codec;

import java.util.Objects;

/**
 * Client FQDN (RFC 4704): flags (S, O, N) and a domain name, which may be partial (no root
 * label) or empty; {@link ReceivedName#hostName()} is empty when the name is not a host name.
 */
public record ClientFqdn(int flags, ReceivedName name) implements Option {
    public static final int FLAG_S = 0x01, FLAG_O = 0x02, FLAG_N = 0x04;

    public ClientFqdn {
        if (flags < 0 || flags > 0xff) throw new IllegalArgumentException("flags do not fit a byte");
        Objects.requireNonNull(name, "name");
    }


    public int code() {
        return OptionCodes.CLIENT_FQDN;
    }

    static ClientFqdn read(Reader body) throws DecodeException {
        int flags = body.u8("flags");
        return new ClientFqdn(flags, DomainName.read(body, true));
    }

    public void writeBody(Writer out) {
        out.u8(flags);
        name.write(out);
    }
}
