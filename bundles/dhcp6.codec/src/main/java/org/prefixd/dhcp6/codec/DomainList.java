package org.prefixd.dhcp6.codec;

import java.util.List;

/**
 * Domain Search List (RFC 3646 §4): absolute names. Names that are not host names are kept
 * apart ({@link #unusable()}): the list is used without them.
 *
 * @param received every name, in order, as the option carried them
 */
public record DomainList(List<ReceivedName> received) implements Option {
    public DomainList {
        received = DomainName.checkList(received);
    }

    /** The host names, in order: the list to use. */
    public List<DomainName> names() {
        return DomainName.hostNames(received);
    }

    /** The names that are not host names, to be named in a log line. */
    public List<UnusableName> unusable() {
        return DomainName.unusable(received);
    }

    public int code() {
        return OptionCodes.DOMAIN_LIST;
    }

    public void writeBody(Writer out) {
        DomainName.writeList(out, received);
    }
}
