package org.prefixd.dhcp6.codec;

import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * Status Code (RFC 8415 §21.13): a code and a UTF-8 message for people. The message bytes are
 * kept as they came; {@link #message()} gives printable text only.
 */
public record StatusCode(int status, Bytes messageBytes) implements Option {
    public static final int SUCCESS = 0, UNSPEC_FAIL = 1, NO_ADDRS_AVAIL = 2, NO_BINDING = 3, NOT_ON_LINK = 4,
            USE_MULTICAST = 5, NO_PREFIX_AVAIL = 6;

    public StatusCode {
        if (status < 0 || status > 0xffff) throw new IllegalArgumentException("status " + status + " does not fit 16 bits");
        Objects.requireNonNull(messageBytes, "messageBytes");
    }

    public static StatusCode of(int status, String message) {
        return new StatusCode(status, Bytes.wrap(message.getBytes(StandardCharsets.UTF_8)));
    }

    public int code() {
        return OptionCodes.STATUS_CODE;
    }

    /** "NoAddrsAvail", or empty for a code RFC 8415 does not name. */
    public Optional<String> statusName() {
        return Optional.ofNullable(switch (status) {
            case SUCCESS -> "Success";
            case UNSPEC_FAIL -> "UnspecFail";
            case NO_ADDRS_AVAIL -> "NoAddrsAvail";
            case NO_BINDING -> "NoBinding";
            case NOT_ON_LINK -> "NotOnLink";
            case USE_MULTICAST -> "UseMulticast";
            case NO_PREFIX_AVAIL -> "NoPrefixAvail";
            default -> null;
        });
    }

    /** The message, if it is UTF-8, with every control or invisible format character replaced by '?': safe to log. */
    public String message() {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(messageBytes.toArray())).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return "(" + messageBytes.length() + " bytes that are not UTF-8)";
        }
        StringBuilder out = new StringBuilder(text.length());
        // Control characters, and invisible format characters (e.g. U+202E, which reverses how
        // the rest of a log line reads), and line/paragraph separators.
        text.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                || c == 0x2028 || c == 0x2029 ? '?' : c));
        return out.toString();
    }

    static StatusCode read(Reader body) throws DecodeException {
        return new StatusCode(body.u16("status-code"), body.rest());
    }

    public void writeBody(Writer out) {
        out.u16(status);
        messageBytes.writeTo(out);
    }

    @Override
    public String toString() {
        return "StatusCode[" + statusName().orElse(Integer.toString(status)) + ", " + message() + "]";
    }
}
