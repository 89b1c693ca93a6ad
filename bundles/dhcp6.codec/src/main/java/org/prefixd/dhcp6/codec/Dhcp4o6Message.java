package org.prefixd.dhcp6.codec;

import java.util.Objects;
import java.util.Optional;

/**
 * DHCPV4-QUERY or DHCPV4-RESPONSE (RFC 7341 §6): 24 bits of flags and options, among them the
 * DHCPv4 message ({@link Dhcp4Message}).
 */
public record Dhcp4o6Message(MessageType type, int flags, Options options) implements Message {
    /** RFC 7341 §6.1: the query was sent unicast (DHCPV4-QUERY only). */
    public static final int FLAG_UNICAST = 0x800000;

    public Dhcp4o6Message {
        Objects.requireNonNull(type, "type");
        if (!type.isDhcp4o6()) throw new IllegalArgumentException(type + " is not a DHCPv4-over-DHCPv6 message");
        if ((flags & ~0xffffff) != 0) throw new IllegalArgumentException("flags " + flags + " do not fit 24 bits");
        Objects.requireNonNull(options, "options");
    }

    public Optional<Bytes> dhcp4Message() {
        return options.get(Dhcp4Message.class).map(Dhcp4Message::message);
    }
}
