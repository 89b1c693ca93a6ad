package org.prefixd.dhcp6.codec;

import java.util.List;

/** SIP Servers Domain Name List (RFC 3319 §3.1). */
public record SipServerDomains(List<DomainName> names) implements Option {
    public SipServerDomains {
        names = DomainName.checkList(names);
    }

    public int code() {
        return OptionCodes.SIP_SERVER_D;
    }

    public void writeBody(Writer out) {
        DomainName.writeList(out, names);
    }
}
