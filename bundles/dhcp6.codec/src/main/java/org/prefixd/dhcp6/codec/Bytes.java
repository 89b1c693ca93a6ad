package org.prefixd.dhcp6.codec;

import java.util.Arrays;
import java.util.HexFormat;

/** Immutable bytes with value equality, for opaque option data. */
public final class Bytes {
    public static final Bytes EMPTY = new Bytes(new byte[0]);
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;

    private Bytes(byte[] bytes) {
        this.bytes = bytes;
    }

    public static Bytes of(byte... bytes) {
        return bytes.length == 0 ? EMPTY : new Bytes(bytes.clone());
    }

    /** From hex digits, optionally separated by ':' or spaces (as in "00:03:00:01:..."). */
    public static Bytes fromHex(String hex) {
        String digits = hex.replace(":", "").replace(" ", "");
        try {
            return of(HEX.parseHex(digits));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + hex + "' is not hex: " + e.getMessage());
        }
    }

    static Bytes wrap(byte[] owned) {
        return owned.length == 0 ? EMPTY : new Bytes(owned);
    }

    public int length() {
        return bytes.length;
    }

    public byte get(int index) {
        return bytes[index];
    }

    public byte[] toArray() {
        return bytes.clone();
    }

    void writeTo(Writer out) {
        out.bytes(bytes);
    }

    public String hex() {
        return HEX.formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return bytes.length <= 64 ? hex() : HEX.formatHex(bytes, 0, 64) + "...(" + bytes.length + " bytes)";
    }
}
