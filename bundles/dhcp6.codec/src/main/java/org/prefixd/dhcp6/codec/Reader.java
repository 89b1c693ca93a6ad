package org.prefixd.dhcp6.codec;

import java.net.Inet6Address;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A bounded view of the packet. Every read is checked against what remains of the view before
 * anything is allocated, so no length field can make the codec read past its option or
 * allocate more than the packet holds. The bound is narrowed to an option's data while that
 * option is read, and widened again after. Offsets in errors are absolute offsets in the packet.
 */
final class Reader {
    /** Shared by the readers of one packet: where errors are reported. */
    static final class Context {
        String messageType;
        /** The codes of the options being read, outermost first; named only when an error is reported. */
        private int[] path = new int[8];
        private int pathLength;
        /** How many option lists of the current message are being read one inside the other (1 for its own options). */
        int optionDepth;
        final PendingItems pending = new PendingItems();

        Context(String messageType) {
            this.messageType = messageType;
        }

        void enterOption(int code) {
            if (pathLength == path.length) path = Arrays.copyOf(path, pathLength * 2);
            path[pathLength++] = code;
        }

        void leaveOption() {
            pathLength--;
        }

        String path() {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < pathLength; i++) {
                if (i > 0) out.append('/');
                out.append(OptionCodes.name(path[i]));
            }
            return out.toString();
        }
    }

    private final byte[] packet;
    private int end;
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
        return Bytes.wrap(Arrays.copyOfRange(packet, from, position));
    }

    DecodeException error(String problem) {
        return error(position, problem);
    }

    DecodeException error(int at, String problem) {
        return new DecodeException(context.messageType, context.path(), at, problem);
    }

    void need(int n, String what) throws DecodeException {
        if (n > remaining())
            throw error(what + " needs " + n + " bytes, " + remaining() + " left");
    }

    /** {@link #need} for a field named by a word and a number, joined only for the error (e.g. "NTP suboption 3"). */
    void need(int n, String what, int number) throws DecodeException {
        if (n > remaining()) need(n, what + " " + number);
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

    /** The next {@code n} bytes as ISO-8859-1 text: one char per byte, whatever the bytes are. */
    String latin1(int n, String what) throws DecodeException {
        need(n, what);
        String text = new String(packet, position, n, StandardCharsets.ISO_8859_1);
        position += n;
        return text;
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

    /**
     * Bounds this reader to the next {@code n} bytes, which the caller has checked are there,
     * until {@link #widen} is given the bound this returns.
     */
    int narrow(int n) {
        if (n > remaining()) throw new IllegalStateException(n + " bytes to read, " + remaining() + " left");
        int outerEnd = end;
        end = position + n;
        return outerEnd;
    }

    /** Gives back the bound {@link #narrow} replaced. */
    void widen(int outerEnd) {
        end = outerEnd;
    }

    /** Reads nothing more: the caller has read all it understands, and nothing may be left over. */
    void expectEnd(String what) throws DecodeException {
        if (hasRemaining()) throw error(remaining() + " bytes left over after " + what);
    }

    /** {@link #expectEnd} after a field named by a word and a number, joined only for the error. */
    void expectEnd(String what, int number) throws DecodeException {
        if (hasRemaining()) expectEnd(what + " " + number);
    }

    /** {@link #expectEnd} for an option's data; names the option only when something is left over. */
    void expectEndOfOption(int code) throws DecodeException {
        if (hasRemaining()) expectEnd(OptionCodes.name(code));
    }
}
