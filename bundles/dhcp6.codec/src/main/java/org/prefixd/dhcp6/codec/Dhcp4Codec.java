package org.prefixd.dhcp6.codec;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes and encodes DHCPv4 messages (RFC 2131, options RFC 2132), as they travel inside
 * DHCPv4-over-DHCPv6 ({@link Dhcp4Message}). Strict as {@link Dhcp6Codec}: the magic cookie, a
 * DHCP Message Type, an End option, zeros only after it, the lengths and values of the options it
 * knows, no second instance of a single-valued option; anything else is a
 * {@link DecodeException} saying what and at which byte. Encoding a decoded message gives back
 * its bytes. Options carried in sname or file (Option Overload) are left in those fields
 * unread: {@link Dhcp4Options#overload()} says they are there.
 */
public final class Dhcp4Codec {
    /** RFC 2131 §3: 99.130.83.99. */
    public static final int MAGIC_COOKIE = 0x63825363;
    /** The fixed fields and the cookie. */
    static final int HEADER = 240;

    private Dhcp4Codec() {
    }

    public static Dhcp4Packet decode(byte[] packet) throws DecodeException {
        Reader in = new Reader(packet, 0, packet.length, new Reader.Context("DHCPv4 message"));
        if (packet.length < HEADER) throw in.error(0, "a DHCPv4 message has at least " + HEADER + " bytes, got " + packet.length);
        int op = in.u8("op");
        if (op != Dhcp4Packet.BOOTREQUEST && op != Dhcp4Packet.BOOTREPLY) throw in.error(0, "op " + op + " is neither BOOTREQUEST nor BOOTREPLY");
        int htype = in.u8("htype");
        int hlen = in.u8("hlen");
        if (hlen > 16) throw in.error(2, "hlen " + hlen + " is longer than chaddr's 16 bytes");
        int hops = in.u8("hops");
        int xid = (int) in.u32("xid");
        int secs = in.u16("secs");
        int flags = in.u16("flags");
        Inet4Address ciaddr = address(in, "ciaddr");
        Inet4Address yiaddr = address(in, "yiaddr");
        Inet4Address siaddr = address(in, "siaddr");
        Inet4Address giaddr = address(in, "giaddr");
        Bytes chaddr = Bytes.wrap(in.bytes(16, "chaddr"));
        Bytes sname = Bytes.wrap(in.bytes(64, "sname"));
        Bytes file = Bytes.wrap(in.bytes(128, "file"));
        int cookieAt = in.position();
        if ((int) in.u32("magic cookie") != MAGIC_COOKIE) throw in.error(cookieAt, "no DHCP magic cookie (99.130.83.99)");

        List<Dhcp4Option> options = new ArrayList<>();
        boolean ended = false;
        while (in.hasRemaining()) {
            int at = in.position();
            int code = in.u8("option code");
            if (code == Dhcp4Option.END) {
                ended = true;
                break;
            }
            if (code == Dhcp4Option.PAD) {
                options.add(Dhcp4Option.PAD_OPTION);
                continue;
            }
            int length = in.u8(Dhcp4Option.name(code) + " length");
            Bytes data = Bytes.wrap(in.bytes(length, Dhcp4Option.name(code)));
            String problem = Dhcp4Option.problem(code, data);
            if (problem != null) throw in.error(at, Dhcp4Option.name(code) + ": " + problem);
            if (Dhcp4Option.single(code))
                for (Dhcp4Option o : options)
                    if (o.code() == code) throw in.error(at, Dhcp4Option.name(code) + " appears more than once");
            options.add(new Dhcp4Option(code, data));
        }
        if (!ended) throw in.error("no End option");
        int padding = in.remaining();
        for (int i = 0; i < padding; i++) {
            int at = in.position();
            if (in.u8("padding") != 0) throw in.error(at, "a non-zero byte after the End option");
        }
        Dhcp4Options all = Dhcp4Options.of(options);
        if (all.messageType().isEmpty()) throw in.error(HEADER, "no DHCP Message Type option: a BOOTP message, not DHCP");
        return new Dhcp4Packet(op, htype, hlen, hops, xid, secs, flags, ciaddr, yiaddr, siaddr, giaddr, chaddr, sname, file, all, padding);
    }

    public static byte[] encode(Dhcp4Packet p) {
        Writer out = new Writer(HEADER + 64 + p.padding());
        out.u8(p.op());
        out.u8(p.htype());
        out.u8(p.hlen());
        out.u8(p.hops());
        out.u32(p.xid() & 0xffffffffL);
        out.u16(p.secs());
        out.u16(p.flags());
        out.bytes(p.ciaddr().getAddress());
        out.bytes(p.yiaddr().getAddress());
        out.bytes(p.siaddr().getAddress());
        out.bytes(p.giaddr().getAddress());
        p.chaddr().writeTo(out);
        p.sname().writeTo(out);
        p.file().writeTo(out);
        out.u32(MAGIC_COOKIE & 0xffffffffL);
        p.options().write(out);
        out.u8(Dhcp4Option.END);
        for (int i = 0; i < p.padding(); i++) out.u8(0);
        return out.toByteArray();
    }

    private static Inet4Address address(Reader in, String what) throws DecodeException {
        try {
            return (Inet4Address) InetAddress.getByAddress(in.bytes(4, what));
        } catch (UnknownHostException impossible) {
            throw new AssertionError(impossible);
        }
    }

    /** 0.0.0.0, for the address fields a message leaves empty. */
    public static final Inet4Address UNSPECIFIED;

    static {
        try {
            UNSPECIFIED = (Inet4Address) InetAddress.getByAddress(new byte[4]);
        } catch (UnknownHostException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
