package org.prefixd.dhcp6.codec;

/** Information Refresh Time (RFC 8415 §21.23), in seconds; 0xffffffff is infinity. */
public record InformationRefreshTime(long seconds) implements Option {
    public InformationRefreshTime {
        if (seconds < 0 || seconds > 0xffffffffL) throw new IllegalArgumentException("seconds " + seconds + " does not fit 32 bits");
    }

    public int code() {
        return OptionCodes.INFORMATION_REFRESH_TIME;
    }

    public void writeBody(Writer out) {
        out.u32(seconds);
    }
}
