package org.prefixd.dhcp6.codec;

import java.net.Inet6Address;
import java.util.List;

/** DHCP 4o6 Servers Address (RFC 7341 §8): the DHCP 4o6 servers; empty means use multicast. */
public record Dhcp4o6Servers(List<Inet6Address> addresses) implements Option {
    public Dhcp4o6Servers {
        addresses = Addresses.check(addresses);
    }

    public int code() {
        return OptionCodes.DHCP4_O_DHCP6_SERVER;
    }

    public void writeBody(Writer out) {
        Addresses.write(out, addresses);
    }
}
