package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OptionsTest {
    private static final StatusCode OK = StatusCode.of(0, "ok");
    private static final RawOption RAW_1 = new RawOption(0xbeef, Bytes.of((byte) 1));
    private static final RawOption RAW_2 = new RawOption(0xbeef, Bytes.of((byte) 2));

    @Test
    void findsTheFirstOptionOfAType() {
        assertEquals(Optional.of(RAW_1), Options.of(OK, RAW_1, RAW_2).get(RawOption.class));
    }

    @Test
    void findsNoOptionOfATypeItDoesNotHold() {
        assertEquals(Optional.empty(), Options.of(OK).get(IaNa.class));
    }

    @Test
    void listsEveryOptionOfATypeInOrder() {
        assertEquals(List.of(RAW_1, RAW_2), Options.of(RAW_1, OK, RAW_2).all(RawOption.class));
    }

    @Test
    void addsOptionsAtTheEnd() {
        assertEquals(Options.of(OK, RAW_1, RAW_2), Options.of(OK).with(RAW_1, RAW_2));
    }

    @Test
    void givesNoneForAnEmptyList() {
        assertSame(Options.NONE, Options.of(List.of()));
    }

    @Test
    void cannotBeChangedThroughItsList() {
        assertThrows(UnsupportedOperationException.class, () -> Options.of(OK).list().add(RAW_1));
    }
}
