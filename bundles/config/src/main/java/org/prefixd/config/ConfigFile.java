package org.prefixd.config;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A parsed config file: properties-like, but strict. Each line is blank, a comment ({@code #}
 * or {@code !} as first non-blank character) or {@code key = value}. Unlike
 * {@link java.util.Properties} there are no escapes, no line continuations and no {@code :}
 * separator: what is written after the first {@code =} (trimmed) is the value, so a backslash
 * in a path or a regular expression is taken as written.
 */
public record ConfigFile(String name, List<Property> properties) {
    /** Config files are small; a larger one is a mistake (a log or a binary copied here). */
    public static final int MAX_BYTES = 64 * 1024;

    static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]+");

    /** One {@code key = value} line. */
    public record Property(String key, String value, int line) {
        public Property {
            Objects.requireNonNull(value, "value");
            if (key == null || !KEY.matcher(key).matches()) throw new IllegalArgumentException("invalid key '" + key + "'");
            if (line < 1) throw new IllegalArgumentException("line " + line + " is not 1-based");
        }
    }

    public ConfigFile {
        Objects.requireNonNull(name, "name");
        properties = List.copyOf(properties);
        Map<String, Property> seen = new HashMap<>();
        for (Property p : properties) {
            if (seen.put(p.key().toLowerCase(Locale.ROOT), p) != null) {
                throw new IllegalArgumentException(name + ": duplicate key '" + p.key() + "'");
            }
        }
    }

    /** @return the property with exactly this key */
    public Optional<Property> property(String key) {
        return properties.stream().filter(p -> p.key().equals(key)).findFirst();
    }

    /**
     * Parses the bytes of a file.
     *
     * @throws ConfigFileException listing every broken line (or the single reason the whole
     *         file is refused: size, encoding)
     */
    public static ConfigFile parse(String name, byte[] content) throws ConfigFileException {
        if (content.length > MAX_BYTES) {
            throw new ConfigFileException(name, 0, "file is larger than 64 KiB (" + MAX_BYTES + " bytes)");
        }
        String text = decode(name, content);
        if (text.startsWith("\uFEFF")) text = text.substring(1); // a BOM some Windows editors write

        List<Property> properties = new ArrayList<>();
        List<ConfigProblem> problems = new ArrayList<>();
        Map<String, Property> byLowerKey = new HashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            String line = lines[i];
            String control = controlCharacter(line);
            if (control != null) {
                problems.add(new ConfigProblem(name, lineNumber, control));
                continue;
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!")) continue;
            int equals = trimmed.indexOf('=');
            if (equals < 0) {
                problems.add(new ConfigProblem(name, lineNumber, "expected 'key = value', found no '='"));
                continue;
            }
            String key = trimmed.substring(0, equals).strip();
            String value = trimmed.substring(equals + 1).strip();
            if (key.isEmpty()) {
                problems.add(new ConfigProblem(name, lineNumber, "missing key before '='"));
                continue;
            }
            if (!KEY.matcher(key).matches()) {
                problems.add(new ConfigProblem(name, lineNumber,
                        "invalid key '" + key + "': use only letters, digits, '.', '_' and '-'"));
                continue;
            }
            // Config Admin keys are case-insensitive: "MTU" and "mtu" would be one property.
            Property earlier = byLowerKey.get(key.toLowerCase(Locale.ROOT));
            if (earlier != null) {
                problems.add(new ConfigProblem(name, lineNumber, earlier.key().equals(key)
                        ? "duplicate key '" + key + "'"
                        : "duplicate key '" + key + "' (keys are case-insensitive; line " + earlier.line()
                                + " sets '" + earlier.key() + "')"));
                continue;
            }
            Property property = new Property(key, value, lineNumber);
            byLowerKey.put(key.toLowerCase(Locale.ROOT), property);
            properties.add(property);
        }
        if (!problems.isEmpty()) throw new ConfigFileException(problems);
        return new ConfigFile(name, properties);
    }

    private static String decode(String name, byte[] content) throws ConfigFileException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(content.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) result = decoder.flush(out);
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (content[i] == '\n') line++;
            }
            throw new ConfigFileException(name, line, String.format(
                    "invalid UTF-8 (byte 0x%02X at offset %d); save the file as UTF-8", content[offset] & 0xff, offset));
        }
        return out.flip().toString();
    }

    /** @return why the line is refused, or null when it has no control character */
    private static String controlCharacter(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\r') return "carriage return (U+000D) in line; save the file with Unix line endings";
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return String.format("control character U+%04X in line (column %d)", (int) c, i + 1);
            }
        }
        return null;
    }
}
