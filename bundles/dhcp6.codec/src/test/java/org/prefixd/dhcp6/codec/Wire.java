package org.prefixd.dhcp6.codec;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/**
 * Builds wire bytes for tests from hex (spaces, colons and line breaks ignored), so that the
 * expected bytes are written out by hand and not produced by the encoder under test. Only the
 * option length is computed, because a wrong hand-counted length would test the test.
 */
final class Wire {
    private static final HexFormat HEX = HexFormat.of();

    /** Transaction id of the messages {@link #reply} builds. */
    static final String XID = "12 34 56";

    private Wire() {
    }

    static byte[] bytes(String hex) {
        return HEX.parseHex(hex.replaceAll("[\\s:]", ""));
    }

    /** "07 12 34 56 ...": one byte per pair, for readable failure messages. */
    static String hex(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").formatHex(bytes);
    }

    /** An option: code, the body's length (computed), the body. */
    static String option(int code, String... body) {
        String joined = String.join(" ", body);
        int length = bytes(joined).length;
        return String.format("%04x %04x ", code, length) + joined;
    }

    /** A client/server message of the given type with transaction id {@link #XID}. */
    static byte[] message(MessageType type, String... options) {
        return bytes(String.format("%02x ", type.code()) + XID + " " + String.join(" ", options));
    }

    /** A Reply (transaction id {@link #XID}) with these options: the first option starts at byte 4. */
    static byte[] reply(String... options) {
        return message(MessageType.REPLY, options);
    }

    static String u16(int v) {
        return String.format("%04x", v);
    }

    static String u32(long v) {
        return String.format("%08x", v);
    }

    /**
     * Labels in wire form (length byte, then the label's bytes as ISO-8859-1), without the root
     * label: for names that may hold any byte, e.g. {@code labels("a;rm")}.
     */
    static String labels(String... labels) {
        StringBuilder out = new StringBuilder();
        for (String label : labels) {
            byte[] raw = label.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            out.append(String.format("%02x ", raw.length)).append(HEX.formatHex(raw)).append(' ');
        }
        return out.toString().trim();
    }

    /** An absolute name in wire form: "example.net" gives 07 "example" 03 "net" 00. */
    static String name(String dotted) {
        return (labels(dotted.split("\\.")) + " 00").trim();
    }

    /** An IPv6 address from its text; an IPv4-mapped address stays an Inet6Address. */
    static Inet6Address ip6(String text) {
        try {
            byte[] raw = InetAddress.getByName(text).getAddress();
            if (raw.length == 4) {
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(raw, 0, mapped, 12, 4);
                raw = mapped;
            }
            return Inet6Address.getByAddress(null, raw, -1);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv6 address literal", e);
        }
    }
}
