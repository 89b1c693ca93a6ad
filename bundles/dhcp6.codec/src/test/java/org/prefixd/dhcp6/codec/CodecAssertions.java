package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

/** Decoding, re-encoding and rejection checks shared by the codec tests. */
final class CodecAssertions {
    private CodecAssertions() {
    }

    /** Decodes bytes that must be well formed. */
    static Message decode(byte[] packet) {
        try {
            return Dhcp6Codec.decode(packet);
        } catch (DecodeException e) {
            return fail("expected " + Wire.hex(packet) + " to decode, but: " + e.getMessage());
        }
    }

    /** The only option of a decoded message, which must be of this type. */
    static <T extends Option> T decodeOnlyOption(byte[] packet, Class<T> type) {
        List<Option> options = decode(packet).options().list();
        if (options.size() != 1 || !type.isInstance(options.get(0)))
            return fail("expected one " + type.getSimpleName() + " in " + Wire.hex(packet) + ", got " + options);
        return type.cast(options.get(0));
    }

    /** Decoding and encoding again gives back the very same bytes. */
    static void assertReencodesExactly(byte[] packet) {
        byte[] again = Dhcp6Codec.encode(decode(packet));
        assertEquals(Wire.hex(packet), Wire.hex(again), "re-encoding must give back the decoded bytes");
    }

    /** Encoding this message gives exactly these bytes. */
    static void assertEncodesTo(byte[] expected, Message message) {
        assertEquals(Wire.hex(expected), Wire.hex(Dhcp6Codec.encode(message)), "encoding of " + message);
    }

    /**
     * The bytes are rejected with a DecodeException naming this message type, option path,
     * offset and problem. The four are compared as one line, so a failure shows all of them.
     */
    static void assertRejected(byte[] packet, String messageType, String path, int offset, String problem) {
        DecodeException e = assertThrows(DecodeException.class, () -> Dhcp6Codec.decode(packet),
                "expected " + Wire.hex(packet) + " to be rejected");
        assertEquals(describe(messageType, path, offset, problem), describe(e.messageType(), e.path(), e.offset(), e.problem()),
                "how " + Wire.hex(packet) + " is rejected");
    }

    private static String describe(String messageType, String path, int offset, String problem) {
        return "type=" + messageType + " path=" + path + " offset=" + offset + " problem=" + problem;
    }
}
