package org.prefixd.dhcp6.codec;

import java.util.Objects;

/**
 * One DHCPv4 option (RFC 2132 §2): its code and data as they came. Code 0 is a Pad (one byte, no
 * length, no data), kept so that a message re-encodes to its bytes. What the codes this codec
 * knows must hold is checked by {@link Dhcp4Codec#decode} and by {@link Dhcp4Options#of}.
 */
public record Dhcp4Option(int code, Bytes data) {
    public static final int PAD = 0;
    public static final int SUBNET_MASK = 1;
    public static final int ROUTER = 3;
    public static final int DNS_SERVERS = 6;
    public static final int HOST_NAME = 12;
    public static final int DOMAIN_NAME = 15;
    public static final int REQUESTED_ADDRESS = 50;
    public static final int LEASE_TIME = 51;
    public static final int OVERLOAD = 52;
    public static final int MESSAGE_TYPE = 53;
    public static final int SERVER_ID = 54;
    public static final int PARAMETER_REQUEST_LIST = 55;
    public static final int MESSAGE = 56;
    public static final int MAX_MESSAGE_SIZE = 57;
    public static final int RENEWAL_TIME = 58;
    public static final int REBINDING_TIME = 59;
    public static final int CLIENT_ID = 61;
    public static final int END = 255;

    public static final Dhcp4Option PAD_OPTION = new Dhcp4Option(PAD, Bytes.EMPTY);

    public Dhcp4Option {
        Objects.requireNonNull(data, "data");
        if (code < 0 || code >= END) throw new IllegalArgumentException("option code " + code + " is not in 0..254");
        if (code == PAD && data.length() != 0) throw new IllegalArgumentException("a Pad has no data");
        if (data.length() > 255) throw new IllegalArgumentException("option " + code + ": " + data.length() + " bytes do not fit a DHCPv4 option");
    }

    /** A 32-bit value (lease time, T1, T2, an IPv4 address's bytes) as an option. */
    public static Dhcp4Option u32(int code, long value) {
        return new Dhcp4Option(code, Bytes.of((byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value));
    }

    public static Dhcp4Option u8(int code, int value) {
        return new Dhcp4Option(code, Bytes.of((byte) value));
    }

    public static Dhcp4Option of(int code, byte... data) {
        return new Dhcp4Option(code, Bytes.of(data));
    }

    /** The option's name for error messages and logs ("option 43" for those this codec does not name). */
    public static String name(int code) {
        return switch (code) {
            case PAD -> "Pad";
            case SUBNET_MASK -> "Subnet Mask";
            case ROUTER -> "Router";
            case DNS_SERVERS -> "Domain Name Server";
            case HOST_NAME -> "Host Name";
            case DOMAIN_NAME -> "Domain Name";
            case REQUESTED_ADDRESS -> "Requested IP Address";
            case LEASE_TIME -> "IP Address Lease Time";
            case OVERLOAD -> "Option Overload";
            case MESSAGE_TYPE -> "DHCP Message Type";
            case SERVER_ID -> "Server Identifier";
            case PARAMETER_REQUEST_LIST -> "Parameter Request List";
            case MESSAGE -> "Message";
            case MAX_MESSAGE_SIZE -> "Maximum DHCP Message Size";
            case RENEWAL_TIME -> "Renewal (T1) Time";
            case REBINDING_TIME -> "Rebinding (T2) Time";
            case CLIENT_ID -> "Client-identifier";
            default -> "option " + code;
        };
    }

    /**
     * What is wrong with the data of an option this codec knows, or null: the lengths and values
     * of RFC 2132 §3–§9. Other codes are taken as they come.
     */
    static String problem(int code, Bytes data) {
        int n = data.length();
        switch (code) {
            case SUBNET_MASK, REQUESTED_ADDRESS, SERVER_ID, LEASE_TIME, RENEWAL_TIME, REBINDING_TIME:
                return n == 4 ? null : "length " + n + ", not 4";
            case ROUTER, DNS_SERVERS:
                return n >= 4 && n % 4 == 0 ? null : "length " + n + " is not a positive multiple of 4";
            case MESSAGE_TYPE:
                if (n != 1) return "length " + n + ", not 1";
                return Dhcp4MessageType.of(data.get(0) & 0xff) != null ? null : "unknown message type " + (data.get(0) & 0xff);
            case OVERLOAD:
                if (n != 1) return "length " + n + ", not 1";
                int v = data.get(0) & 0xff;
                return v >= 1 && v <= 3 ? null : "value " + v + " is not 1, 2 or 3";
            case MAX_MESSAGE_SIZE:
                if (n != 2) return "length " + n + ", not 2";
                int size = ((data.get(0) & 0xff) << 8) | (data.get(1) & 0xff);
                return size >= 576 ? null : "size " + size + " is below 576";
            case PARAMETER_REQUEST_LIST, HOST_NAME, DOMAIN_NAME, MESSAGE:
                return n >= 1 ? null : "empty";
            case CLIENT_ID:
                return n >= 2 ? null : "length " + n + ", below 2";
            default:
                return null;
        }
    }

    /** Codes that may appear once only: a second one would make the message mean two things. */
    static boolean single(int code) {
        return switch (code) {
            case SUBNET_MASK, REQUESTED_ADDRESS, LEASE_TIME, OVERLOAD, MESSAGE_TYPE, SERVER_ID, MAX_MESSAGE_SIZE, RENEWAL_TIME,
                 REBINDING_TIME, CLIENT_ID -> true;
            default -> false;
        };
    }
}
