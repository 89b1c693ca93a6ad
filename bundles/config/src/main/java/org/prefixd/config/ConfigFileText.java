package org.prefixd.config;

import java.util.Map;
import java.util.TreeMap;

/**
 * A whole configuration written as a config file, for those who set one from afar: one
 * {@code key = value} line per property, sorted, under a comment saying where it came from.
 * A value that would not read back as itself (a line break, any control character, blanks at its
 * ends) is refused, so nothing can slip another line into the file.
 */
public final class ConfigFileText {
    private ConfigFileText() {
    }

    /** @throws IllegalArgumentException naming the first property that cannot be written */
    public static String render(Map<String, String> properties, String comment) {
        if (comment.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) throw new IllegalArgumentException("a comment with control characters");
        StringBuilder out = new StringBuilder("# ").append(comment).append('\n');
        for (var e : new TreeMap<>(properties).entrySet()) {
            String key = e.getKey(), value = e.getValue();
            if (!ConfigFile.KEY.matcher(key).matches()) throw new IllegalArgumentException("invalid key '" + printable(key) + "': use only letters, digits, '.', '_' and '-'");
            if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) throw new IllegalArgumentException(key + ": a value with a control character");
            if (!value.equals(value.strip())) throw new IllegalArgumentException(key + ": a value with blanks at its start or end (a file cannot keep them)");
            out.append(key).append(" = ").append(value).append('\n');
        }
        return out.toString();
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) out.append(c < 0x20 || c == 0x7f ? '?' : c);
        return out.length() > 64 ? out.substring(0, 64) + "…" : out.toString();
    }
}
