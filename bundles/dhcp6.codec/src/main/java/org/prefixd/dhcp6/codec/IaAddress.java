package org.prefixd.dhcp6.codec;

import java.net.Inet6Address;
import java.util.Objects;
import java.util.Optional;

/** IA Address (RFC 8415 §21.6): an address with its preferred and valid lifetimes. */
public record IaAddress(Inet6Address address, long preferredLifetime, long validLifetime, Options options) implements Option {
    public IaAddress {
        Objects.requireNonNull(address, "address");
        Lifetimes.check("preferred lifetime", preferredLifetime);
        Lifetimes.check("valid lifetime", validLifetime);
        Objects.requireNonNull(options, "options");
    }

    public int code() {
        return OptionCodes.IAADDR;
    }

    /** RFC 8415 §21.6: a client discards an address whose preferred lifetime is greater than its valid lifetime. */
    public boolean lifetimesValid() {
        return preferredLifetime <= validLifetime;
    }

    public Optional<StatusCode> status() {
        return options.get(StatusCode.class);
    }

    static IaAddress read(Reader body, int relayDepth) throws DecodeException {
        if (body.remaining() < 24) throw body.error("IAADDR needs 24 bytes (address, lifetimes), got " + body.remaining());
        return new IaAddress(body.address("IPv6-address"), body.u32("preferred-lifetime"), body.u32("valid-lifetime"),
                OptionReader.readAll(body, relayDepth));
    }

    public void writeBody(Writer out) {
        out.address(address);
        out.u32(preferredLifetime);
        out.u32(validLifetime);
        options.write(out);
    }
}
