package org.prefixd.dhcp6.codec;

import java.net.Inet6Address;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A bounded view of the packet. Every read is checked against what remains of the view before
 * anything is allocated, so no length field can make the codec read past its option or
 * allocate more than the packet holds. Offsets in errors are absolute offsets in the packet.
 */
final class Reader {
    /** Shared by the views of one packet: where errors are reported. */
    static final class Context {
        String messageType;
        final Deque<String> path = new ArrayDeque<>();
        /** How many option lists of the current message are being read one inside the other (1 for its own options). */
        int optionDepth;

        Context(String messageType) {
            this.messageType = messageType;
        }

        String path() {
            StringBuilder out = new StringBuilder();
            var it = path.descendingIterator();
            while (it.hasNext()) {
                if (out.length() > 0) out.append('/');
                out.append(it.next());
            }
            return out.toString();
        }
    }

    private final byte[] packet;
    private final int end;
    private int position;
    final Context context;

    Reader(byte[] packet, int start, int end, Context context) {
        this.packet = packet;
        this.position = start;
        this.end = end;
        this.context = context;
    }

    int remaining() {
        return end - position;
    }

    boolean hasRemaining() {
        return position < end;
    }

    int position() {
        return position;
    }

    /** A copy of bytes already read, from {@code from} (an absolute offset in this view) to the current position. */
    Bytes readSince(int from) {
        if (from < 0 || from > position) throw new IllegalArgumentException("offset " + from + " is not behind the position " + position);
        return Bytes.wrap(java.util.Arrays.copyOfRange(packet, from, position));
    }

    DecodeException error(String problem) {
        return error(position, problem);
    }

    DecodeException error(int at, String problem) {
        return new DecodeException(context.messageType, context.path(), at, problem);
    }

    private void need(int n, String what) throws DecodeException {
        if (n > remaining())
            throw error(what + " needs " + n + " bytes, " + remaining() + " left");
    }

    int u8(String what) throws DecodeException {
        need(1, what);
        return packet[position++] & 0xff;
    }

    int u16(String what) throws DecodeException {
        need(2, what);
        int v = ((packet[position] & 0xff) << 8) | (packet[position + 1] & 0xff);
        position += 2;
        return v;
    }

    int u24(String what) throws DecodeException {
        need(3, what);
        int v = ((packet[position] & 0xff) << 16) | ((packet[position + 1] & 0xff) << 8) | (packet[position + 2] & 0xff);
        position += 3;
        return v;
    }

    long u32(String what) throws DecodeException {
        need(4, what);
        long v = ((long) (packet[position] & 0xff) << 24) | ((packet[position + 1] & 0xff) << 16)
                | ((packet[position + 2] & 0xff) << 8) | (packet[position + 3] & 0xff);
        position += 4;
        return v;
    }

    byte[] bytes(int n, String what) throws DecodeException {
        need(n, what);
        byte[] out = new byte[n];
        System.arraycopy(packet, position, out, 0, n);
        position += n;
        return out;
    }

    Bytes rest() {
        byte[] out = new byte[remaining()];
        System.arraycopy(packet, position, out, 0, out.length);
        position = end;
        return Bytes.wrap(out);
    }

    Inet6Address address(String what) throws DecodeException {
        byte[] raw = bytes(16, what);
        try {
            // Not InetAddress.getByAddress: it turns an IPv4-mapped address (::ffff:a.b.c.d)
            // into an Inet4Address, which a server's bytes must not be able to do.
            return Inet6Address.getByAddress(null, raw, -1);
        } catch (UnknownHostException impossible) {
            throw new AssertionError(impossible);
        }
    }

    /** A view of the next {@code n} bytes, which this reader skips. */
    Reader slice(int n, String what) throws DecodeException {
        need(n, what);
        Reader view = new Reader(packet, position, position + n, context);
        position += n;
        return view;
    }

    /** Reads nothing more: the caller has read all it understands, and nothing may be left over. */
    void expectEnd(String what) throws DecodeException {
        if (hasRemaining()) throw error(remaining() + " bytes left over after " + what);
    }
}
