package org.prefixd.dhcp6.codec;

/** Rapid Commit (RFC 8415 §21.14): empty. */
public record RapidCommit() implements Option {
    public int code() {
        return OptionCodes.RAPID_COMMIT;
    }

    public void writeBody(Writer out) {
        // no data
    }
}
