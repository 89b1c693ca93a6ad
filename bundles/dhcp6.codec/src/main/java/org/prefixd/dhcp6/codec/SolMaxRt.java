package org.prefixd.dhcp6.codec;

/** SOL_MAX_RT (RFC 8415 §21.24): the server's maximum Solicit retransmission time, in seconds. */
public record SolMaxRt(long seconds) implements Option {
    public SolMaxRt {
        if (seconds < 0 || seconds > 0xffffffffL) throw new IllegalArgumentException("seconds " + seconds + " does not fit 32 bits");
    }

    public int code() {
        return OptionCodes.SOL_MAX_RT;
    }

    public void writeBody(Writer out) {
        out.u32(seconds);
    }
}
