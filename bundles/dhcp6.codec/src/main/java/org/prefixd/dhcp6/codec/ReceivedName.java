package org.prefixd.dhcp6.codec;

/**
 * A domain name as a message carried it: a {@link DomainName} when it is a host name, an
 * {@link UnusableName} when its structure is sound but a label is not a host name label (an
 * underscore, a shell character, a control character). One odd name must not cost a whole
 * message (and with it a lease): options that carry names keep both kinds, the message
 * re-encodes byte for byte, and only host names are ever turned into text for use.
 */
public sealed interface ReceivedName permits DomainName, UnusableName {
    /** Whether the wire form ends with the root label. */
    boolean absolute();

    /** Writes the name in its wire form. */
    void write(Writer out);

    /** The name when it is a host name: the only form to use; empty for an {@link UnusableName}. */
    default java.util.Optional<DomainName> hostName() {
        return this instanceof DomainName d ? java.util.Optional.of(d) : java.util.Optional.empty();
    }
}
