package org.prefixd.dhcp6.codec;

/** Elapsed Time (RFC 8415 §21.9), in hundredths of a second; 0xffff for 655.35 s or more. */
public record ElapsedTime(int hundredths) implements Option {
    public ElapsedTime {
        if (hundredths < 0 || hundredths > 0xffff) throw new IllegalArgumentException("hundredths " + hundredths + " does not fit 16 bits");
    }

    public int code() {
        return OptionCodes.ELAPSED_TIME;
    }

    public void writeBody(Writer out) {
        out.u16(hundredths);
    }
}
