package org.prefixd.dhcp6.codec;

/** DHCPv6 message types (RFC 8415 §7.3) and DHCPv4-over-DHCPv6 (RFC 7341 §5). */
public enum MessageType {
    SOLICIT(1), ADVERTISE(2), REQUEST(3), CONFIRM(4), RENEW(5), REBIND(6), REPLY(7), RELEASE(8), DECLINE(9),
    RECONFIGURE(10), INFORMATION_REQUEST(11), RELAY_FORW(12), RELAY_REPL(13), DHCPV4_QUERY(20), DHCPV4_RESPONSE(21);

    private static final MessageType[] BY_CODE = new MessageType[22];

    static {
        for (MessageType t : values()) BY_CODE[t.code] = t;
    }

    private final int code;
    /** Kept: every decoded message names its type for its errors. */
    private final String rfcName;

    MessageType(int code) {
        this.code = code;
        this.rfcName = name().replace('_', '-');
    }

    public int code() {
        return code;
    }

    /** @return the type, or null when the code is not one this codec knows */
    public static MessageType of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    public boolean isRelay() {
        return this == RELAY_FORW || this == RELAY_REPL;
    }

    public boolean isDhcp4o6() {
        return this == DHCPV4_QUERY || this == DHCPV4_RESPONSE;
    }

    /** The name as RFC 8415 writes it, e.g. "INFORMATION-REQUEST". */
    public String rfcName() {
        return rfcName;
    }
}
