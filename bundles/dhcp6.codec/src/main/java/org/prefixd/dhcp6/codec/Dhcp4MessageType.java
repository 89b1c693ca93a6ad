package org.prefixd.dhcp6.codec;

/** DHCPv4 message types (RFC 2132 §9.6, option 53), those a DHCPv4 client and server exchange. */
public enum Dhcp4MessageType {
    DISCOVER(1), OFFER(2), REQUEST(3), DECLINE(4), ACK(5), NAK(6), RELEASE(7), INFORM(8);

    private static final Dhcp4MessageType[] BY_CODE = new Dhcp4MessageType[9];

    static {
        for (Dhcp4MessageType t : values()) BY_CODE[t.code] = t;
    }

    private final int code;

    Dhcp4MessageType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** @return the type, or null when the code is not one of RFC 2132's eight */
    public static Dhcp4MessageType of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** "DHCPDISCOVER", as RFC 2131 writes it. */
    public String rfcName() {
        return "DHCP" + name();
    }
}
