package org.prefixd.dhcp6.codec;

import java.net.Inet6Address;
import java.util.Objects;
import java.util.Optional;

/**
 * A Relay-Forward or Relay-Reply message (RFC 8415 §9): hop count, link and peer address, and
 * options, among them the relayed message ({@link RelayMessageOption}).
 */
public record RelayMessage(MessageType type, int hopCount, Inet6Address linkAddress, Inet6Address peerAddress,
                           Options options) implements Message {
    public RelayMessage {
        Objects.requireNonNull(type, "type");
        if (!type.isRelay()) throw new IllegalArgumentException(type + " is not a relay message");
        if (hopCount < 0 || hopCount > 255) throw new IllegalArgumentException("hop count " + hopCount + " does not fit a byte");
        Objects.requireNonNull(linkAddress, "linkAddress");
        Objects.requireNonNull(peerAddress, "peerAddress");
        Objects.requireNonNull(options, "options");
    }

    /** The message this relay message carries. */
    public Optional<Message> relayed() {
        return options.get(RelayMessageOption.class).map(RelayMessageOption::message);
    }
}
