package org.prefixd.dhcp6.codec;

import java.net.Inet6Address;
import java.util.Objects;

/** Server Unicast (RFC 8415 §21.12): the address the client may send to directly. */
public record ServerUnicast(Inet6Address address) implements Option {
    public ServerUnicast {
        Objects.requireNonNull(address, "address");
    }

    public int code() {
        return OptionCodes.UNICAST;
    }

    public void writeBody(Writer out) {
        out.address(address);
    }
}
