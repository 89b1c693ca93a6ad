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

    /** Why its PD_EXCLUDE does not fit this prefix (RFC 6603 §4.2), or empty when it does or there is none. */
    public Optional<String> excludeProblem() {
        Optional<PdExclude> exclude = exclude();
        return exclude.isPresent() ? exclude.get().problemWith(prefixLength) : Optional.empty();
    }

    /** The network address of the prefix its PD_EXCLUDE names, of length {@code exclude().get().prefixLength()}; empty when there is none or it does not fit. */
    public Optional<Inet6Address> excludedPrefix() {
        Optional<PdExclude> exclude = exclude();
        if (exclude.isEmpty() || exclude.get().problemWith(prefixLength).isPresent()) return Optional.empty();
        return Optional.of(exclude.get().excludedFrom(prefix, prefixLength));
    }

    static IaPrefix read(Reader body, int relayDepth) throws DecodeException {
        if (body.remaining() < 25) throw body.error("IAPREFIX needs 25 bytes (lifetimes, length, prefix), got " + body.remaining());
        long preferred = body.u32("preferred-lifetime");
        long valid = body.u32("valid-lifetime");
        int lengthAt = body.position();
        int length = body.u8("prefix-length");
        if (length > 128) throw body.error(lengthAt, "prefix length " + length + " is more than 128");
        Inet6Address prefix = body.address("IPv6-prefix");
        // A PD_EXCLUDE that does not fit the prefix (excludeProblem) is kept as it came: the
        // client sets that one prefix aside, and the rest of the message still counts.
        return new IaPrefix(preferred, valid, length, prefix, OptionReader.readAll(body, relayDepth));
    }

    public void writeBody(Writer out) {
        out.u32(preferredLifetime);
        out.u32(validLifetime);
        out.u8(prefixLength);
        out.address(prefix);
        options.write(out);
    }
}
