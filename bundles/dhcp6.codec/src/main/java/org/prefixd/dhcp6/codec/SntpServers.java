package org.prefixd.dhcp6.codec;

import java.net.Inet6Address;
import java.util.List;

/** Simple Network Time Protocol servers (RFC 4075). */
public record SntpServers(List<Inet6Address> addresses) implements Option {
    public SntpServers {
        addresses = Addresses.check(addresses);
    }

    public int code() {
        return OptionCodes.SNTP_SERVERS;
    }

    public void writeBody(Writer out) {
        Addresses.write(out, addresses);
    }
}
