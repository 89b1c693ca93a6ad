package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertReencodesExactly;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertRejected;
import static org.prefixd.dhcp6.codec.CodecAssertions.decode;
import static org.prefixd.dhcp6.codec.CodecAssertions.decodeOnlyOption;
import static org.prefixd.dhcp6.codec.Wire.option;
import static org.prefixd.dhcp6.codec.Wire.reply;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Vendor-specific Information (RFC 8415 §21.17): enterprise number, then the vendor's options (from byte 12). */
class VendorOptionsTest {
    /** CableLabs (4491): suboption 1 = 0020, suboption 2 empty. */
    private static final String CABLELABS = "0000118b 0001 0002 0020 0002 0000";

    @Test
    void decodesTheEnterpriseNumberAndTheVendorsOptions() {
        assertEquals(new VendorOptions(4491, List.of(new VendorOptions.Suboption(1, Bytes.fromHex("0020")),
                        new VendorOptions.Suboption(2, Bytes.EMPTY))),
                decodeOnlyOption(reply(option(17, CABLELABS)), VendorOptions.class));
    }

    @Test
    void reencodesTheVendorsOptionsByteExactly() {
        assertReencodesExactly(reply(option(17, CABLELABS)));
    }

    @Test
    void decodesAnEnterpriseNumberWithoutOptions() {
        assertEquals(new VendorOptions(4491, List.of()), decodeOnlyOption(reply(option(17, "0000118b")), VendorOptions.class));
    }

    @Test
    void allowsOneOptionPerEnterpriseNumber() {
        assertEquals(2, decode(reply(option(17, CABLELABS), option(17, "00000009"))).options().all(VendorOptions.class).size());
    }

    @Test
    void rejectsAnOptionWithoutAWholeEnterpriseNumber() {
        assertRejected(reply(option(17, "0000")), "REPLY", "VENDOR_OPTS", 8, "enterprise-number needs 4 bytes, 2 left");
    }

    @Test
    void rejectsATruncatedVendorOptionHeader() {
        assertRejected(reply(option(17, "0000118b 0001 00")), "REPLY", "VENDOR_OPTS", 12, "vendor option header needs 4 bytes, 3 left");
    }

    @Test
    void rejectsAVendorOptionThatOverrunsTheOption() {
        assertRejected(reply(option(17, "0000118b 0001 0008 0020")), "REPLY", "VENDOR_OPTS", 16, "vendor option 1 needs 8 bytes, 2 left");
    }
}
