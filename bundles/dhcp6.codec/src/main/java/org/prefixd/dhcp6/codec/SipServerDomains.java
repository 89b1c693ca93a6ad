package org.prefixd.dhcp6.codec;

import java.util.List;

/**
 * SIP Servers Domain Name List (RFC 3319 §3.1). Names that are not host names are kept apart
 * ({@link #unusable()}): the list is used without them.
 *
 * @param received every name, in order, as the option carried them
 */
public record SipServerDomains(List<ReceivedName> received) implements Option {
    public SipServerDomains {
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
        return OptionCodes.SIP_SERVER_D;
    }

    public void writeBody(Writer out) {
        DomainName.writeList(out, received);
    }
}
