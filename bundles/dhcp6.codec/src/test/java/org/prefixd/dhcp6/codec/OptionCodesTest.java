package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OptionCodesTest {
    @Test
    void namesAnOptionAsItsRfcDoes() {
        assertEquals("DHCP4_O_DHCP6_SERVER", OptionCodes.name(88));
    }

    @Test
    void givesEverySingletonABitOfItsOwnAndOtherOptionsNone() {
        long seen = 0;
        for (int code = 0; code <= 0xffff; code++) {
            long bit = OptionCodes.singletonBit(code);
            if (!OptionCodes.SINGLETONS.contains(code)) {
                assertEquals(0, bit, OptionCodes.name(code));
                continue;
            }
            assertEquals(1, Long.bitCount(bit), OptionCodes.name(code));
            assertEquals(0, seen & bit, OptionCodes.name(code) + " shares a bit");
            seen |= bit;
        }
    }

    @Test
    void namesAnUnknownOptionByItsCode() {
        assertEquals("option 1234", OptionCodes.name(1234));
    }
}
