package org.prefixd.dhcp6.codec;

import java.net.Inet4Address;
import java.util.Objects;

/**
 * A DHCPv4 message (RFC 2131 §2, Figure 1): the fixed BOOTP fields and the options. What follows
 * the End option is zero padding (servers pad to BOOTP's 300 bytes); its length is kept so that a
 * message re-encodes to its bytes.
 *
 * @param op 1 BOOTREQUEST, 2 BOOTREPLY
 * @param chaddr the 16 bytes of the field; the first {@code hlen} are the hardware address
 * @param sname the 64 bytes of the server host name field, as they came
 * @param file the 128 bytes of the boot file name field, as they came
 * @param padding the zero bytes after the End option
 */
public record Dhcp4Packet(int op, int htype, int hlen, int hops, int xid, int secs, int flags, Inet4Address ciaddr,
                          Inet4Address yiaddr, Inet4Address siaddr, Inet4Address giaddr, Bytes chaddr, Bytes sname, Bytes file,
                          Dhcp4Options options, int padding) {
    public static final int BOOTREQUEST = 1;
    public static final int BOOTREPLY = 2;
    /** RFC 2131 §2: the broadcast bit of the flags field. */
    public static final int FLAG_BROADCAST = 0x8000;

    public Dhcp4Packet {
        if (op != BOOTREQUEST && op != BOOTREPLY) throw new IllegalArgumentException("op " + op + " is neither BOOTREQUEST nor BOOTREPLY");
        check(htype, 0xff, "htype");
        if (hlen < 0 || hlen > 16) throw new IllegalArgumentException("hlen " + hlen + " is not in 0..16");
        check(hops, 0xff, "hops");
        check(secs, 0xffff, "secs");
        check(flags, 0xffff, "flags");
        Objects.requireNonNull(ciaddr, "ciaddr");
        Objects.requireNonNull(yiaddr, "yiaddr");
        Objects.requireNonNull(siaddr, "siaddr");
        Objects.requireNonNull(giaddr, "giaddr");
        length(chaddr, 16, "chaddr");
        length(sname, 64, "sname");
        length(file, 128, "file");
        Objects.requireNonNull(options, "options");
        if (options.messageType().isEmpty()) throw new IllegalArgumentException("no DHCP Message Type option");
        if (padding < 0) throw new IllegalArgumentException("padding " + padding + " is negative");
    }

    /** The DHCP message type (option 53), which every DHCP message has. */
    public Dhcp4MessageType type() {
        return options.messageType().orElseThrow();
    }

    /** The client's hardware address: the first {@code hlen} bytes of chaddr. */
    public Bytes hardwareAddress() {
        byte[] all = chaddr.toArray();
        return Bytes.of(java.util.Arrays.copyOf(all, hlen));
    }

    private static void check(int value, int max, String what) {
        if (value < 0 || value > max) throw new IllegalArgumentException(what + " " + value + " is not in 0.." + max);
    }

    private static void length(Bytes b, int n, String what) {
        Objects.requireNonNull(b, what);
        if (b.length() != n) throw new IllegalArgumentException(what + " has " + b.length() + " bytes, not " + n);
    }

    @Override
    public String toString() {
        return type().rfcName() + " xid=" + Integer.toHexString(xid) + " ciaddr=" + ciaddr.getHostAddress() + " yiaddr=" + yiaddr.getHostAddress()
                + " flags=" + Integer.toHexString(flags) + " chaddr=" + hardwareAddress() + " options=" + options;
    }
}
