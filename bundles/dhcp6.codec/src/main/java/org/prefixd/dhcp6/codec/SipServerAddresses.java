package org.prefixd.dhcp6.codec;

import java.net.Inet6Address;
import java.util.List;

/** SIP Servers IPv6 Address List (RFC 3319 §3.2). */
public record SipServerAddresses(List<Inet6Address> addresses) implements Option {
    public SipServerAddresses {
        addresses = Addresses.check(addresses);
    }

    public int code() {
        return OptionCodes.SIP_SERVER_A;
    }

    public void writeBody(Writer out) {
        Addresses.write(out, addresses);
    }
}
