package org.prefixd.config;

import java.math.BigInteger;
import java.util.regex.Pattern;

/** The value types of OSGi metatype attributes, and how a file's text becomes one. */
public enum AttributeType {
    STRING(String.class, "a string"),
    /** A string that is never shown: not in logs, not in problem messages. */
    PASSWORD(String.class, "a string"),
    LONG(Long.class, "an integer"),
    INTEGER(Integer.class, "an integer"),
    SHORT(Short.class, "an integer"),
    BYTE(Byte.class, "an integer"),
    CHARACTER(Character.class, "a single character"),
    DOUBLE(Double.class, "a number"),
    FLOAT(Float.class, "a number"),
    BOOLEAN(Boolean.class, "true or false");

    private static final Pattern WHOLE = Pattern.compile("[+-]?[0-9]+");
    // Stricter than Double.parseDouble, which also takes "NaN", "Infinity", "0x1p3" and "1d".
    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    private final Class<?> javaType;
    private final String expected;

    AttributeType(Class<?> javaType, String expected) {
        this.javaType = javaType;
        this.expected = expected;
    }

    /** @return the class of the converted values, the component type of multi-valued arrays */
    public Class<?> javaType() {
        return javaType;
    }

    /**
     * @param text the trimmed text of one value
     * @return the value as {@link #javaType()}
     * @throws IllegalArgumentException with a message that completes "'text' is ...", e.g.
     *         "not an integer"
     */
    public Object convert(String text) {
        switch (this) {
            case STRING:
            case PASSWORD:
                return text;
            case BOOLEAN:
                // Boolean.valueOf would read "yes" and "ture" as false.
                if (text.equals("true")) return Boolean.TRUE;
                if (text.equals("false")) return Boolean.FALSE;
                throw new IllegalArgumentException("not true or false");
            case CHARACTER:
                if (text.length() != 1) throw new IllegalArgumentException("not a single character");
                return text.charAt(0);
            case LONG:
                return whole(text, Long.MIN_VALUE, Long.MAX_VALUE, "a long integer").longValue();
            case INTEGER:
                return whole(text, Integer.MIN_VALUE, Integer.MAX_VALUE, "an integer").intValue();
            case SHORT:
                return whole(text, Short.MIN_VALUE, Short.MAX_VALUE, "a short integer").shortValue();
            case BYTE:
                return whole(text, Byte.MIN_VALUE, Byte.MAX_VALUE, "a byte").byteValue();
            case DOUBLE: {
                double d = Double.parseDouble(decimal(text));
                if (Double.isInfinite(d)) throw new IllegalArgumentException("out of range for a double");
                return d;
            }
            case FLOAT: {
                float f = Float.parseFloat(decimal(text));
                if (Float.isInfinite(f)) throw new IllegalArgumentException("out of range for a float");
                return f;
            }
            default:
                throw new AssertionError(this);
        }
    }

    private BigInteger whole(String text, long min, long max, String what) {
        if (!WHOLE.matcher(text).matches()) throw new IllegalArgumentException("not " + expected);
        BigInteger value = new BigInteger(text);
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new IllegalArgumentException("out of range for " + what + " (" + min + ".." + max + ")");
        }
        return value;
    }

    private String decimal(String text) {
        if (!DECIMAL.matcher(text).matches()) throw new IllegalArgumentException("not " + expected);
        return text;
    }
}
