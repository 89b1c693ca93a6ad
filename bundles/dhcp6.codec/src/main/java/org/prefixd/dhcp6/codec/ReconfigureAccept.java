package org.prefixd.dhcp6.codec;

/** Reconfigure Accept (RFC 8415 §21.20): empty. */
public record ReconfigureAccept() implements Option {
    public int code() {
        return OptionCodes.RECONF_ACCEPT;
    }

    public void writeBody(Writer out) {
        // no data
    }
}
