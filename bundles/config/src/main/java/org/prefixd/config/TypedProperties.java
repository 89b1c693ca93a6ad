package org.prefixd.config;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The typed properties of one configuration, as handed to Config Admin. Equality compares
 * array values by content, so that a file whose comments or spacing changed compares equal to
 * what was applied before.
 */
public final class TypedProperties {
    private final Map<String, Object> values;

    private TypedProperties(Map<String, Object> values) {
        this.values = values;
    }

    /**
     * @param values scalars, arrays or collections (copied; a collection becomes a list)
     */
    public static TypedProperties of(Map<String, ?> values) {
        Map<String, Object> copy = new TreeMap<>();
        values.forEach((key, value) -> copy.put(Objects.requireNonNull(key, "key"), copyOf(key, value)));
        return new TypedProperties(Collections.unmodifiableMap(copy));
    }

    public static TypedProperties empty() {
        return new TypedProperties(Map.of());
    }

    /** @return a mutable copy, keys sorted, arrays copied */
    public Map<String, Object> asMap() {
        Map<String, Object> copy = new TreeMap<>();
        values.forEach((key, value) -> copy.put(key, copyOf(key, value)));
        return copy;
    }

    public Optional<Object> get(String key) {
        return Optional.ofNullable(values.get(key)).map(value -> copyOf(key, value));
    }

    public int size() {
        return values.size();
    }

    /**
     * Whether the value of a property must never be shown: keys naming a password, a secret
     * or a key (the DHCPv6 reconfigure key, a TSIG key...).
     */
    public static boolean isSensitive(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return lower.contains("password") || lower.contains("secret") || lower.contains("key");
    }

    private static Object copyOf(String key, Object value) {
        Objects.requireNonNull(value, () -> "value of '" + key + "'");
        if (value.getClass().isArray()) {
            int length = Array.getLength(value);
            Object copy = Array.newInstance(value.getClass().getComponentType(), length);
            System.arraycopy(value, 0, copy, 0, length);
            return copy;
        }
        if (value instanceof Collection<?> collection) return List.copyOf(collection);
        return value;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) return true;
        if (!(other instanceof TypedProperties that)) return false;
        if (!values.keySet().equals(that.values.keySet())) return false;
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            if (!Objects.deepEquals(entry.getValue(), that.values.get(entry.getKey()))) return false;
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = 0;
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            hash += entry.getKey().hashCode() ^ java.util.Arrays.deepHashCode(new Object[] {entry.getValue()});
        }
        return hash;
    }

    /** Sensitive values are shown as {@code ***}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        values.forEach((key, value) -> {
            if (text.length() > 1) text.append(", ");
            text.append(key).append('=');
            if (isSensitive(key)) {
                text.append("***");
            } else if (value.getClass().isArray()) {
                text.append('[');
                for (int i = 0; i < Array.getLength(value); i++) {
                    if (i > 0) text.append(", ");
                    text.append(Array.get(value, i));
                }
                text.append(']');
            } else {
                text.append(value);
            }
        });
        return text.append('}').toString();
    }
}
