package org.prefixd.dhcp6.codec;

import java.net.Inet6Address;
import java.util.Arrays;

/** Where options write their bodies: a growing byte buffer. Only the codec creates one. */
public final class Writer {
    Writer() {
        this(256);
    }

    Writer(int capacity) {
        buffer = new byte[capacity];
    }

    private byte[] buffer;
    private int size;

    private void ensure(int n) {
        if (size + n > buffer.length) buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + n));
    }

    void u8(int v) {
        ensure(1);
        buffer[size++] = (byte) v;
    }

    void u16(int v) {
        ensure(2);
        buffer[size++] = (byte) (v >>> 8);
        buffer[size++] = (byte) v;
    }

    void u24(int v) {
        ensure(3);
        buffer[size++] = (byte) (v >>> 16);
        buffer[size++] = (byte) (v >>> 8);
        buffer[size++] = (byte) v;
    }

    void u32(long v) {
        ensure(4);
        buffer[size++] = (byte) (v >>> 24);
        buffer[size++] = (byte) (v >>> 16);
        buffer[size++] = (byte) (v >>> 8);
        buffer[size++] = (byte) v;
    }

    void bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buffer, size, b.length);
        size += b.length;
    }

    /** Text the caller has checked is ASCII (a host name's label), a byte a character. */
    void ascii(String text) {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) buffer[size++] = (byte) text.charAt(i);
    }

    void address(Inet6Address a) {
        bytes(a.getAddress());
    }

    /** Reserves a 16-bit length; {@link #endLength} fills in what was written since. */
    int beginLength() {
        int at = size;
        u16(0);
        return at;
    }

    void endLength(int at) {
        int length = size - at - 2;
        if (length > 0xffff) throw new IllegalArgumentException("option body of " + length + " bytes is longer than 65535");
        buffer[at] = (byte) (length >>> 8);
        buffer[at + 1] = (byte) length;
    }

    /** What was written; the buffer itself when it was sized exactly, as nothing is written after this. */
    byte[] toByteArray() {
        return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
    }
}
