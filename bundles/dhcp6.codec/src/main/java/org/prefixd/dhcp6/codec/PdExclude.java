package org.prefixd.dhcp6.codec;

import java.util.Objects;

/**
 * Prefix Exclude (RFC 6603): a prefix inside the delegated one that the router must not use,
 * given as its length and the subnet-ID bits that follow the delegated prefix.
 */
public record PdExclude(int prefixLength, Bytes subnetId) implements Option {
    public PdExclude {
        if (prefixLength < 1 || prefixLength > 128) throw new IllegalArgumentException("excluded prefix length " + prefixLength + " is not in 1..128");
        Objects.requireNonNull(subnetId, "subnetId");
        if (subnetId.length() < 1 || subnetId.length() > 16) throw new IllegalArgumentException("subnet ID of " + subnetId.length() + " bytes is not 1 to 16 bytes");
    }

    public int code() {
        return OptionCodes.PD_EXCLUDE;
    }

    static PdExclude read(Reader body) throws DecodeException {
        int at = body.position();
        if (body.remaining() < 2 || body.remaining() > 17) throw body.error("PD_EXCLUDE is 2 to 17 bytes, got " + body.remaining());
        int length = body.u8("prefix-len");
        if (length < 1 || length > 128) throw body.error(at, "excluded prefix length " + length + " is not in 1..128");
        return new PdExclude(length, body.rest());
    }

    public void writeBody(Writer out) {
        out.u8(prefixLength);
        subnetId.writeTo(out);
    }
}
