package org.prefixd.dhcp6.codec;

import java.util.Objects;

/**
 * A client/server message (RFC 8415 §8): type, 24-bit transaction id, options.
 */
public record ClientServerMessage(MessageType type, int transactionId, Options options) implements Message {
    public ClientServerMessage {
        Objects.requireNonNull(type, "type");
        if (type.isRelay() || type.isDhcp4o6()) throw new IllegalArgumentException(type + " is not a client/server message");
        if ((transactionId & ~0xffffff) != 0) throw new IllegalArgumentException("transaction id " + transactionId + " does not fit 24 bits");
        Objects.requireNonNull(options, "options");
    }

    @Override
    public String toString() {
        return type.rfcName() + " xid=" + String.format("%06x", transactionId) + " " + options;
    }
}
