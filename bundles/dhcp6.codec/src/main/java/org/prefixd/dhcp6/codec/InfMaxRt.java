package org.prefixd.dhcp6.codec;

/** INF_MAX_RT (RFC 8415 §21.25): the server's maximum Information-request retransmission time, in seconds. */
public record InfMaxRt(long seconds) implements Option {
    public InfMaxRt {
        if (seconds < 0 || seconds > 0xffffffffL) throw new IllegalArgumentException("seconds " + seconds + " does not fit 32 bits");
    }

    public int code() {
        return OptionCodes.INF_MAX_RT;
    }

    public void writeBody(Writer out) {
        out.u32(seconds);
    }
}
