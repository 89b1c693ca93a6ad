package org.prefixd.dhcp6.codec;

import java.net.Inet6Address;
import java.util.Objects;
import java.util.Optional;

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

    /**
     * RFC 6603 §4.2: the excluded prefix is longer than the delegated one, and its subnet ID has
     * exactly the bytes needed for the bits between the two lengths.
     *
     * @return why this option does not fit a prefix of {@code delegatedLength}, or empty when it does
     */
    public Optional<String> problemWith(int delegatedLength) {
        if (prefixLength <= delegatedLength)
            return Optional.of("PD_EXCLUDE prefix length " + prefixLength + " is not longer than the delegated /" + delegatedLength);
        int needed = (prefixLength - delegatedLength - 1) / 8 + 1;
        if (subnetId.length() != needed)
            return Optional.of("PD_EXCLUDE subnet ID is " + subnetId.length() + " bytes, /" + delegatedLength + " to /" + prefixLength + " needs " + needed);
        return Optional.empty();
    }

    /**
     * The excluded prefix's network address (RFC 6603 §4.2): the delegated prefix's bits, then the
     * subnet ID's first bits (most significant first), the rest zero; its length is {@link #prefixLength()}.
     *
     * @throws IllegalArgumentException when the option does not fit the delegated length ({@link #problemWith})
     */
    public Inet6Address excludedFrom(Inet6Address delegated, int delegatedLength) {
        Optional<String> problem = problemWith(delegatedLength);
        if (problem.isPresent()) throw new IllegalArgumentException(problem.get());
        byte[] address = delegated.getAddress();
        for (int bit = delegatedLength; bit < 128; bit++) address[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        for (int k = 0; k < prefixLength - delegatedLength; k++) {
            if ((subnetId.get(k / 8) & (0x80 >>> (k % 8))) == 0) continue;
            int bit = delegatedLength + k;
            address[bit / 8] |= (byte) (0x80 >>> (bit % 8));
        }
        try {
            return Inet6Address.getByAddress(null, address, -1);
        } catch (java.net.UnknownHostException impossible) {
            throw new AssertionError(impossible);
        }
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
