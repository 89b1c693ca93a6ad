package org.prefixd.dhcp6.codec;

/** A DHCPv6 message: client/server, relay, or DHCPv4-over-DHCPv6. */
public sealed interface Message permits ClientServerMessage, RelayMessage, Dhcp4o6Message {
    MessageType type();

    Options options();
}
