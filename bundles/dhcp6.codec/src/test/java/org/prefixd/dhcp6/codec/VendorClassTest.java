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

/** Vendor Class (RFC 8415 §21.16): enterprise number, then 2-byte-length data items (from byte 12). */
class VendorClassTest {
    /** Juniper (2636): "Junos", "x". */
    private static final String JUNIPER = "00000a4c 0005 4a756e6f73 0001 78";

    @Test
    void decodesTheEnterpriseNumberAndTheDataItems() {
        assertEquals(new VendorClass(2636, List.of(Bytes.fromHex("4a756e6f73"), Bytes.fromHex("78"))),
                decodeOnlyOption(reply(option(16, JUNIPER)), VendorClass.class));
    }

    @Test
    void reencodesTheDataItemsByteExactly() {
        assertReencodesExactly(reply(option(16, JUNIPER)));
    }

    @Test
    void decodesAnEmptyDataItem() {
        assertEquals(List.of(Bytes.EMPTY), decodeOnlyOption(reply(option(16, "00000a4c 0000")), VendorClass.class).data());
    }

    @Test
    void allowsOneOptionPerEnterpriseNumber() {
        assertEquals(2, decode(reply(option(16, JUNIPER), option(16, "00000009"))).options().all(VendorClass.class).size());
    }

    @Test
    void rejectsAnOptionWithoutAWholeEnterpriseNumber() {
        assertRejected(reply(option(16, "000a4c")), "REPLY", "VENDOR_CLASS", 8, "enterprise-number needs 4 bytes, 3 left");
    }

    @Test
    void rejectsADataItemThatOverrunsTheOption() {
        assertRejected(reply(option(16, "00000a4c 0005 4a75")), "REPLY", "VENDOR_CLASS", 14, "vendor-class-data needs 5 bytes, 2 left");
    }

    @Test
    void rejectsATruncatedDataItemLength() {
        assertRejected(reply(option(16, "00000a4c 00")), "REPLY", "VENDOR_CLASS", 12, "vendor-class-data-len needs 2 bytes, 1 left");
    }
}
