package org.prefixd.dhcp6.codec;

import java.net.Inet6Address;
import java.util.List;

/** DNS Recursive Name Servers (RFC 3646 §3). */
public record DnsServers(List<Inet6Address> addresses) implements Option {
    public DnsServers {
        addresses = Addresses.check(addresses);
    }

    public int code() {
        return OptionCodes.DNS_SERVERS;
    }

    public void writeBody(Writer out) {
        Addresses.write(out, addresses);
    }
}
