package org.prefixd.dhcp6.codec;

import java.net.Inet6Address;
import java.util.Objects;
import java.util.Optional;

/** IA Prefix (RFC 8415 §21.22): a delegated prefix with its lifetimes; may carry a Prefix Exclude (RFC 6603). */
public record IaPrefix(long preferredLifetime, long validLifetime, int prefixLength, Inet6Address prefix, Options options)
        implements Option {
    public IaPrefix {
        Lifetimes.check("preferred lifetime", preferredLifetime);
        Lifetimes.check("valid lifetime", validLifetime);
        if (prefixLength < 0 || prefixLength > 128) throw new IllegalArgumentException("prefix length " + prefixLength + " is not in 0..128");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(options, "options");
    }

    public int code() {
        return OptionCodes.IAPREFIX;
    }

    /** RFC 8415 §21.22: a client discards a prefix whose preferred lifetime is greater than its valid lifetime. */
    public boolean lifetimesValid() {
        return preferredLifetime <= validLifetime;
    }

    public Optional<StatusCode> status() {
        return options.get(StatusCode.class);
    }

    public Optional<PdExclude> exclude() {
        return options.get(PdExclude.class);
    }

    static IaPrefix read(Reader body, int relayDepth) throws DecodeException {
        if (body.remaining() < 25) throw body.error("IAPREFIX needs 25 bytes (lifetimes, length, prefix), got " + body.remaining());
        long preferred = body.u32("preferred-lifetime");
        long valid = body.u32("valid-lifetime");
        int lengthAt = body.position();
        int length = body.u8("prefix-length");
        if (length > 128) throw body.error(lengthAt, "prefix length " + length + " is more than 128");
        Inet6Address prefix = body.address("IPv6-prefix");
        Options options = OptionReader.readAll(body, relayDepth);
        for (Option option : options) {
            if (!(option instanceof PdExclude exclude)) continue;
            // RFC 6603 §4.2: the excluded prefix is longer than the delegated one, and its
            // subnet ID has exactly the bytes needed for the bits between the two lengths.
            if (exclude.prefixLength() <= length)
                throw body.error(lengthAt, "PD_EXCLUDE prefix length " + exclude.prefixLength() + " is not longer than the delegated /" + length);
            int needed = (exclude.prefixLength() - length - 1) / 8 + 1;
            if (exclude.subnetId().length() != needed)
                throw body.error(lengthAt, "PD_EXCLUDE subnet ID is " + exclude.subnetId().length() + " bytes, /" + length + " to /"
                        + exclude.prefixLength() + " needs " + needed);
        }
        return new IaPrefix(preferred, valid, length, prefix, options);
    }

    public void writeBody(Writer out) {
        out.u32(preferredLifetime);
        out.u32(validLifetime);
        out.u8(prefixLength);
        out.address(prefix);
        options.write(out);
    }
}
