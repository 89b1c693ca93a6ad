package org.prefixd.dhcp6.codec;

import java.util.List;

/** Domain Search List (RFC 3646 §4): absolute names, checked as host names. */
public record DomainList(List<DomainName> names) implements Option {
    public DomainList {
        names = DomainName.checkList(names);
    }

    public int code() {
        return OptionCodes.DOMAIN_LIST;
    }

    public void writeBody(Writer out) {
        DomainName.writeList(out, names);
    }
}
