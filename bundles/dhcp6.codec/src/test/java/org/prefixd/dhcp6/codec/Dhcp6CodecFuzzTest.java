package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * Whatever bytes come from the network, decoding either gives a message or a DecodeException,
 * never another exception; and a decoded message encodes back to exactly the bytes it came
 * from. In plain {@code mvn test} this runs the files of
 * {@code src/test/resources/org/prefixd/dhcp6/codec/Dhcp6CodecFuzzTestInputs/decodeNeverFailsUnexpectedly/}
 * (seeds and every reproducer the fuzzer found); {@code JAZZER_FUZZ=1} makes it fuzz.
 */
class Dhcp6CodecFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void decodeNeverFailsUnexpectedly(byte[] data) {
        Message message;
        try {
            message = Dhcp6Codec.decode(data);
        } catch (DecodeException rejected) {
            return;
        }
        // What a log line or the client does with a hostile message must not throw either.
        message.toString();
        message.hashCode();

        byte[] encoded = Dhcp6Codec.encode(message);
        if (!Arrays.equals(encoded, data))
            fail("re-encoding is not byte-exact:\n  decoded " + Wire.hex(data) + "\n  encoded " + Wire.hex(encoded));

        Message again;
        try {
            again = Dhcp6Codec.decode(encoded);
        } catch (DecodeException e) {
            throw new AssertionError("the codec's own encoding of " + message + " is rejected: " + e.getMessage(), e);
        }
        assertEquals(message, again, "decode(encode(m)) must equal m");
        if (!Arrays.equals(Dhcp6Codec.encode(again), encoded))
            fail("encode(decode(encode(m))) differs from encode(m) for " + Wire.hex(encoded));
    }
}
