package org.prefixd.dhcp6.codec;

import java.util.Objects;

/** DHCPv4 Message (RFC 7341 §7): a whole DHCPv4 message, opaque to this codec. */
public record Dhcp4Message(Bytes message) implements Option {
    public Dhcp4Message {
        Objects.requireNonNull(message, "message");
    }

    public int code() {
        return OptionCodes.DHCPV4_MSG;
    }

    public void writeBody(Writer out) {
        message.writeTo(out);
    }
}
