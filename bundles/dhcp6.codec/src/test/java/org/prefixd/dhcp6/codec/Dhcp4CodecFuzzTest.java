package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * {@link Dhcp6CodecFuzzTest} for DHCPv4: whatever a DHCPv4-response carries, decoding gives a
 * message or a DecodeException, never another exception, and re-encodes byte-exactly. Plain
 * {@code mvn test} runs the files of
 * {@code src/test/resources/org/prefixd/dhcp6/codec/Dhcp4CodecFuzzTestInputs/decodeNeverFailsUnexpectedly/};
 * {@code JAZZER_FUZZ=1} makes it fuzz.
 */
class Dhcp4CodecFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void decodeNeverFailsUnexpectedly(byte[] data) {
        Dhcp4Packet packet;
        try {
            packet = Dhcp4Codec.decode(data);
        } catch (DecodeException rejected) {
            return;
        }
        packet.toString();
        packet.hashCode();
        byte[] encoded = Dhcp4Codec.encode(packet);
        if (!Arrays.equals(encoded, data))
            fail("re-encoding is not byte-exact:\n  decoded " + Wire.hex(data) + "\n  encoded " + Wire.hex(encoded));
        try {
            assertEquals(packet, Dhcp4Codec.decode(encoded), "decode(encode(m)) must equal m");
        } catch (DecodeException e) {
            throw new AssertionError("the codec's own encoding of " + packet + " is rejected: " + e.getMessage(), e);
        }
    }
}
