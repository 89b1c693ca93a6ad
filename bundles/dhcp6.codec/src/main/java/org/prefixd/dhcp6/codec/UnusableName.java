package org.prefixd.dhcp6.codec;

import java.util.Objects;

/**
 * A name whose wire form is sound (label lengths, length in all, termination) but that is not
 * a host name. It is kept as bytes so that the message re-encodes exactly; {@link #toString()}
 * shows it for a log line with every byte outside letters, digits, '-', '_' and '.' escaped as
 * \xNN, so that it cannot carry shell syntax or control characters even into a log.
 *
 * @param wire the name's wire form, labels with their lengths, and the root label when absolute
 * @param why the first label problem found, e.g. "label contains a character that is not allowed in a host name (0x24)"
 */
public record UnusableName(Bytes wire, boolean absolute, String why) implements ReceivedName {
    public UnusableName {
        Objects.requireNonNull(wire, "wire");
        Objects.requireNonNull(why, "why");
        if (wire.length() > DomainName.MAX_WIRE_LENGTH) throw new IllegalArgumentException("a name of " + wire.length() + " bytes is longer than 255");
        int i = 0;
        while (i < wire.length()) {
            int length = wire.get(i) & 0xff;
            if (length > 63) throw new IllegalArgumentException("label length " + length + " is more than 63");
            if (length == 0) {
                if (!absolute || i != wire.length() - 1) throw new IllegalArgumentException("the root label ends an absolute name, and only one");
                break;
            }
            i += 1 + length;
        }
        if (i > wire.length() || (absolute && i >= wire.length())) throw new IllegalArgumentException("the labels do not fill the name's wire form");
    }

    @Override
    public void write(Writer out) {
        wire.writeTo(out);
    }

    /** The name as text with dots between labels, unsafe bytes escaped. */
    public String shown() {
        StringBuilder out = new StringBuilder();
        byte[] b = wire.toArray();
        int i = 0;
        while (i < b.length) {
            int length = b[i++] & 0xff;
            if (length == 0) break;
            if (out.length() > 0) out.append('.');
            for (int end = Math.min(b.length, i + length); i < end; i++) {
                int c = b[i] & 0xff;
                boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
                if (plain) out.append((char) c);
                else out.append(String.format("\\x%02x", c));
            }
        }
        return out.length() == 0 ? "." : out.toString();
    }

    @Override
    public String toString() {
        return "\"" + shown() + "\" (" + why + ")";
    }
}
