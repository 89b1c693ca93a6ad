package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertReencodesExactly;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertRejected;
import static org.prefixd.dhcp6.codec.CodecAssertions.decodeOnlyOption;
import static org.prefixd.dhcp6.codec.Wire.option;
import static org.prefixd.dhcp6.codec.Wire.reply;

import java.util.List;
import org.junit.jupiter.api.Test;

/** User Class (RFC 8415 §21.15): 2-byte-length data items from byte 8. */
class UserClassTest {
    /** "openwrt", "prefixd". */
    private static final String TWO_CLASSES = "0007 6f70656e777274 0007 70726566697864";

    @Test
    void decodesTheUserClasses() {
        assertEquals(new UserClass(List.of(Bytes.fromHex("6f70656e777274"), Bytes.fromHex("70726566697864"))),
                decodeOnlyOption(reply(option(15, TWO_CLASSES)), UserClass.class));
    }

    @Test
    void reencodesTheUserClassesByteExactly() {
        assertReencodesExactly(reply(option(15, TWO_CLASSES)));
    }

    @Test
    void decodesAnEmptyUserClassOption() {
        assertEquals(List.of(), decodeOnlyOption(reply(option(15)), UserClass.class).classes());
    }

    @Test
    void rejectsAClassThatOverrunsTheOption() {
        assertRejected(reply(option(15, "0007 6f70")), "REPLY", "USER_CLASS", 10, "user-class-data needs 7 bytes, 2 left");
    }

    @Test
    void rejectsATruncatedClassLength() {
        assertRejected(reply(option(15, "0001 78 00")), "REPLY", "USER_CLASS", 11, "user-class-data-len needs 2 bytes, 1 left");
    }

    @Test
    void rejectsASecondUserClassOption() {
        assertRejected(reply(option(15), option(15)), "REPLY", "", 8, "USER_CLASS appears more than once");
    }
}
