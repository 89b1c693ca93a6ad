package org.prefixd.config;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the text values of a file into the typed values its schema asks for, and reports
 * every key that does not fit, each with its line.
 */
public final class PropertyTyper {
    /** Set by Config Admin or by this bundle; a file must not pretend to set them. */
    static final Set<String> RESERVED = Set.of("service.pid", "service.factoryPid", "service.bundleLocation",
            "prefixd.config.file");

    private PropertyTyper() {
    }

    /**
     * @param file the parsed file
     * @param schema the attributes of the file's PID, empty when nothing describes it: then
     *        every value stays a string
     * @throws ConfigFileException listing every problem of the file
     */
    public static TypedProperties type(ConfigFile file, Optional<List<AttributeSpec>> schema) throws ConfigFileException {
        Map<String, AttributeSpec> specs = new LinkedHashMap<>();
        schema.ifPresent(list -> list.forEach(spec -> specs.put(spec.id(), spec)));
        List<ConfigProblem> problems = new ArrayList<>();
        Map<String, Object> typed = new LinkedHashMap<>();

        for (ConfigFile.Property property : file.properties()) {
            String key = property.key();
            if (RESERVED.stream().anyMatch(key::equalsIgnoreCase)) {
                problems.add(new ConfigProblem(file.name(), property.line(),
                        "'" + key + "' is set by Config Admin or prefixd, not by a file"));
                continue;
            }
            AttributeSpec spec = specs.get(key);
            if (spec == null && schema.isPresent()) spec = undescribedButValid(key);
            if (spec == null && schema.isPresent()) {
                problems.add(new ConfigProblem(file.name(), property.line(), unknownKey(key, specs)));
                continue;
            }
            if (spec == null) {
                typed.put(key, property.value());
                continue;
            }
            try {
                typed.put(key, convert(spec, property.value()));
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem(file.name(), property.line(), e.getMessage()));
            }
        }
        for (AttributeSpec spec : specs.values()) {
            if (spec.required() && file.property(spec.id()).isEmpty()) {
                problems.add(new ConfigProblem(file.name(), 0, "missing required key '" + spec.id() + "'"));
            }
        }
        if (!problems.isEmpty()) throw new ConfigFileException(problems);
        return TypedProperties.of(typed);
    }

    /**
     * Properties that Declarative Services reads from any component configuration although no
     * metatype lists them (DS 1.3 §112.6, DS 1.4 §112.3.7): a reference's target filter and
     * its minimum cardinality.
     */
    private static AttributeSpec undescribedButValid(String key) {
        if (key.endsWith(".target") && key.length() > ".target".length()) return AttributeSpec.optional(key, AttributeType.STRING);
        if (key.endsWith(".cardinality.minimum") && key.length() > ".cardinality.minimum".length()) {
            return AttributeSpec.optional(key, AttributeType.INTEGER);
        }
        return null;
    }

    private static String unknownKey(String key, Map<String, AttributeSpec> specs) {
        for (String id : specs.keySet()) {
            if (id.equalsIgnoreCase(key)) return "unknown key '" + key + "'; did you mean '" + id + "'?";
        }
        if (specs.isEmpty()) return "unknown key '" + key + "': this PID takes no properties";
        return "unknown key '" + key + "' (known: " + String.join(", ", specs.keySet()) + ")";
    }

    /** @throws IllegalArgumentException with the complete problem message, naming the key */
    private static Object convert(AttributeSpec spec, String text) {
        if (spec.cardinality() == 0) return convertOne(spec, text, "");
        // An empty value is an empty list: the way to override a non-empty default.
        if (text.isEmpty()) return collect(spec, List.of());
        String[] items = text.split(",", -1);
        if (items.length > spec.maxValues()) {
            throw new IllegalArgumentException(spec.id() + ": " + items.length + " values, at most " + spec.maxValues()
                    + " allowed");
        }
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < items.length; i++) {
            String item = items[i].strip();
            String where = " (item " + (i + 1) + ")";
            if (item.isEmpty()) throw new IllegalArgumentException(spec.id() + ": empty item " + (i + 1) + " in the list");
            values.add(convertOne(spec, item, where));
        }
        return collect(spec, values);
    }

    private static Object collect(AttributeSpec spec, List<Object> values) {
        if (spec.cardinality() < 0) return List.copyOf(values);
        Object array = Array.newInstance(spec.type().javaType(), values.size());
        for (int i = 0; i < values.size(); i++) Array.set(array, i, values.get(i));
        return array;
    }

    private static Object convertOne(AttributeSpec spec, String text, String where) {
        boolean secret = spec.type() == AttributeType.PASSWORD || TypedProperties.isSensitive(spec.id());
        String shown = secret ? "the value" : "'" + text + "'";
        Object value;
        try {
            value = spec.type().convert(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(spec.id() + ": " + shown + where + " is " + e.getMessage());
        }
        if (!spec.options().isEmpty() && spec.options().stream().noneMatch(option -> sameValue(spec.type(), option, value))) {
            throw new IllegalArgumentException(spec.id() + ": " + shown + where + " is not one of "
                    + spec.options().stream().collect(Collectors.joining(", ")));
        }
        Optional<String> problem = spec.validator().problem(text);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(spec.id() + ": " + shown + where + " is refused: " + problem.get());
        }
        return value;
    }

    /** Options are compared as values of the type, so that option "1" matches "01". */
    private static boolean sameValue(AttributeType type, String option, Object value) {
        try {
            return type.convert(option.strip()).equals(value);
        } catch (IllegalArgumentException e) {
            return option.equals(String.valueOf(value));
        }
    }
}
