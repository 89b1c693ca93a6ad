package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertReencodesExactly;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertRejected;
import static org.prefixd.dhcp6.codec.CodecAssertions.decodeOnlyOption;
import static org.prefixd.dhcp6.codec.Wire.message;
import static org.prefixd.dhcp6.codec.Wire.option;

import org.junit.jupiter.api.Test;

/** Preference (RFC 8415 §21.8). */
class PreferenceTest {
    @Test
    void decodesThePreference() {
        assertEquals(new Preference(255), decodeOnlyOption(message(MessageType.ADVERTISE, option(7, "ff")), Preference.class));
    }

    @Test
    void reencodesThePreferenceByteExactly() {
        assertReencodesExactly(message(MessageType.ADVERTISE, option(7, "0a")));
    }

    @Test
    void rejectsAnEmptyPreference() {
        assertRejected(message(MessageType.ADVERTISE, option(7)), "ADVERTISE", "PREFERENCE", 8, "pref-value needs 1 bytes, 0 left");
    }

    @Test
    void rejectsAPreferenceOfTwoBytes() {
        assertRejected(message(MessageType.ADVERTISE, option(7, "ff 00")), "ADVERTISE", "PREFERENCE", 9, "1 bytes left over after PREFERENCE");
    }

    @Test
    void refusesToBuildAPreferenceOver255() {
        assertThrows(IllegalArgumentException.class, () -> new Preference(256));
    }
}
