package org.prefixd.dhcp6.codec;

import java.util.Objects;

/** Relay Agent Subscriber-ID (RFC 4580): opaque. */
public record SubscriberId(Bytes value) implements Option {
    public SubscriberId {
        Objects.requireNonNull(value, "value");
    }

    public int code() {
        return OptionCodes.SUBSCRIBER_ID;
    }

    public void writeBody(Writer out) {
        value.writeTo(out);
    }
}
