package org.prefixd.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttributeTypeTest {
    @Test
    void convertsTextToTheJavaTypeOfEachAttributeType() {
        assertEquals("x y", AttributeType.STRING.convert("x y"));
        assertEquals(-5, AttributeType.INTEGER.convert("-5"));
        assertEquals(10_000_000_000L, AttributeType.LONG.convert("10000000000"));
        assertEquals((short) 7, AttributeType.SHORT.convert("+7"));
        assertEquals((byte) 127, AttributeType.BYTE.convert("127"));
        assertEquals('c', AttributeType.CHARACTER.convert("c"));
        assertEquals(0.5, AttributeType.DOUBLE.convert(".5"));
        assertEquals(1.5e3f, AttributeType.FLOAT.convert("1.5e3"));
        assertEquals(true, AttributeType.BOOLEAN.convert("true"));
        assertEquals(false, AttributeType.BOOLEAN.convert("false"));
    }

    @ParameterizedTest
    @CsvSource({"BOOLEAN, yes, not true or false", "BOOLEAN, True, not true or false",
        "INTEGER, 1.0, not an integer", "INTEGER, 0x10, not an integer", "INTEGER, ١٢, not an integer",
        "INTEGER, 2147483648, out of range for an integer (-2147483648..2147483647)",
        "BYTE, 128, out of range for a byte (-128..127)", "DOUBLE, NaN, not a number", "DOUBLE, 1d, not a number",
        "DOUBLE, 1e999, out of range for a double", "CHARACTER, ab, not a single character"})
    void refusesTextThatIsNotAValueOfTheType(AttributeType type, String text, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> type.convert(text)).getMessage());
    }
}
