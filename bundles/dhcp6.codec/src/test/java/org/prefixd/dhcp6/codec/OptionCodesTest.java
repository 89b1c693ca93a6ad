package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OptionCodesTest {
    @Test
    void namesAnOptionAsItsRfcDoes() {
        assertEquals("DHCP4_O_DHCP6_SERVER", OptionCodes.name(88));
    }

    @Test
    void namesAnUnknownOptionByItsCode() {
        assertEquals("option 1234", OptionCodes.name(1234));
    }
}
