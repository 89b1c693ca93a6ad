package org.prefixd.dhcp6.codec;

/** Preference (RFC 8415 §21.8): 0 to 255; 255 means "take this server at once". */
public record Preference(int value) implements Option {
    public Preference {
        if (value < 0 || value > 0xff) throw new IllegalArgumentException("value " + value + " does not fit 8 bits");
    }

    public int code() {
        return OptionCodes.PREFERENCE;
    }

    public void writeBody(Writer out) {
        out.u8(value);
    }
}
