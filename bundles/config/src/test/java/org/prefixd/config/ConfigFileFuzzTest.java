package org.prefixd.config;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whatever bytes a config file holds, and whatever metatype describes its PID:
 *
 * <ul>
 * <li>{@link #parseNeverFailsUnexpectedly}: {@link ConfigFile#parse} gives a file or a
 * {@link ConfigFileException} with at least one problem, each on a line of the file, never
 * another exception, and a message at most proportional to the input; a parsed file's keys are
 * valid and unique regardless of case, its values trimmed and free of control characters, and
 * written back as {@code key = value} on the same lines it parses again to an equal file.
 * <li>{@link #typingNeverFailsUnexpectedly}: with a schema drawn from the data (types,
 * cardinalities, options, required, a validator, or none at all), {@link PropertyTyper#type}
 * gives typed properties or a ConfigFileException, nothing else; each value has the type and
 * shape (scalar, array, list) its attribute asks for; a password or sensitive value never shows
 * in a problem or in {@code toString}; properties equal their own copy; and
 * {@link ConfigDirectory} applies the file once, then proposes nothing for the same file, nor
 * for it written back in another order with other spacing and comments, and deletes it when it
 * is gone.
 * </ul>
 *
 * In plain {@code mvn test} these run the files of
 * {@code src/test/resources/org/prefixd/config/ConfigFileFuzzTestInputs/<method>/} (seeds, and
 * every reproducer the fuzzer wrote: keep them). To fuzz one, from the workspace root:
 * {@code JAZZER_FUZZ=1 ./mvnw -B -o -pl bundles/config -am test -Dtest='ConfigFileFuzzTest#parseNeverFailsUnexpectedly' -Dsurefire.failIfNoSpecifiedTests=false}
 * (one method per run) — for {@code maxDuration}, or {@code JAZZER_MAX_DURATION=2m}.
 */
class ConfigFileFuzzTest {
    private static final String NAME = "prefixd.link-wan.cfg";
    private static final String[] FILE_NAMES = {NAME, "prefixd.dhcp6.cfg", "prefixd.lan-lan 2.cfg", "-x.cfg", "a..b.cfg", ".hidden.cfg",
            "prefixd.link-wan.cfg~", "prefixd.web-\u00e9.cfg"};
    private static final String[] IDS = {"interface", "mtu", "dns", "ports", "mode", "enabled", "weight", "pin", "reconfigure.key",
            "admin.password", "net.target", "net.cardinality.minimum", "service.pid", "Interface", "level"};
    private static final int[] CARDINALITIES = {0, 0, 0, 1, 3, -1, -10, Integer.MAX_VALUE, Integer.MIN_VALUE};

    @FuzzTest(maxDuration = "10m")
    void parseNeverFailsUnexpectedly(byte[] content) {
        ConfigFile file;
        try {
            file = ConfigFile.parse(NAME, content);
        } catch (ConfigFileException e) {
            checkRejection(e, NAME, content.length, new String(content, UTF_8).split("\n", -1).length);
            return;
        }
        int lastLine = 0;
        Map<String, String> lowerKeys = new LinkedHashMap<>();
        for (ConfigFile.Property p : file.properties()) {
            require(ConfigFile.KEY.matcher(p.key()).matches(), "invalid key '" + p.key() + "' accepted");
            require(lowerKeys.put(p.key().toLowerCase(Locale.ROOT), p.key()) == null, "duplicate key '" + p.key() + "' accepted");
            require(p.value().equals(p.value().strip()), "value of " + p.key() + " not trimmed: '" + p.value() + "'");
            require(p.line() > lastLine, "properties out of line order");
            lastLine = p.line();
            for (char c : p.value().toCharArray())
                require(c >= 0x20 && c != 0x7f || c == '\t', "control character U+" + Integer.toHexString(c) + " in the value of " + p.key());
            require(file.property(p.key()).equals(Optional.of(p)), "property(" + p.key() + ") does not find it");
        }
        ConfigFile again = parseOrFail(NAME, render(file, true));
        require(again.equals(file), "written back on the same lines, " + file + " parses as " + again);
    }

    @FuzzTest(maxDuration = "10m")
    void typingNeverFailsUnexpectedly(FuzzedDataProvider data) {
        Optional<List<AttributeSpec>> schema = data.consumeInt(0, 4) == 0 ? Optional.empty() : Optional.of(schema(data));
        String name = data.consumeInt(0, 3) == 0 ? FILE_NAMES[data.consumeInt(0, FILE_NAMES.length - 1)] : NAME;
        byte[] content = data.consumeBoolean() ? data.consumeBytes(data.consumeInt(0, 2000)) : lines(data).getBytes(UTF_8);

        ConfigFile file;
        TypedProperties typed = null;
        ConfigFileException refused = null;
        try {
            file = ConfigFile.parse(name, content);
        } catch (ConfigFileException e) {
            checkRejection(e, name, content.length, new String(content, UTF_8).split("\n", -1).length);
            return;
        }
        try {
            typed = PropertyTyper.type(file, schema);
        } catch (ConfigFileException e) {
            checkRejection(e, name, content.length, new String(content, UTF_8).split("\n", -1).length);
            noSecretIn(e.getMessage(), file, schema, "a problem");
            refused = e;
        }
        if (typed != null) checkTyped(file, schema, typed);
        checkDirectory(name, content, file, schema, typed, refused);
    }

    // ---------------------------------------------------------------- the typing target's parts

    private static List<AttributeSpec> schema(FuzzedDataProvider data) {
        List<AttributeSpec> specs = new ArrayList<>();
        int n = data.consumeInt(0, 5);
        for (int i = 0; i < n; i++) {
            String id = data.consumeInt(0, 7) == 0 ? data.consumeAsciiString(12) : IDS[data.consumeInt(0, IDS.length - 1)];
            AttributeType type = AttributeType.values()[data.consumeInt(0, AttributeType.values().length - 1)];
            List<String> options = new ArrayList<>();
            int o = data.consumeInt(0, 6) < 5 ? 0 : data.consumeInt(1, 3);
            for (int k = 0; k < o; k++) options.add(data.consumeString(8));
            int maxLength = data.consumeInt(0, 3) == 0 ? data.consumeInt(0, 10) : -1;
            AttributeSpec.Validator validator = maxLength < 0 ? AttributeSpec.Validator.NONE
                    : v -> v.length() > maxLength ? Optional.of("longer than " + maxLength) : Optional.empty();
            specs.add(new AttributeSpec(id, type, CARDINALITIES[data.consumeInt(0, CARDINALITIES.length - 1)], data.consumeInt(0, 3) == 0,
                    options, validator));
        }
        return specs;
    }

    /** A file of mostly well-formed lines with keys the schema knows, values from the data. */
    private static String lines(FuzzedDataProvider data) {
        StringBuilder text = new StringBuilder();
        int n = data.consumeInt(0, 10);
        for (int i = 0; i < n; i++) {
            switch (data.consumeInt(0, 7)) {
                case 0 -> text.append("# ").append(data.consumeString(10));
                case 1 -> { }
                case 2 -> text.append(data.consumeString(30));
                default -> text.append(data.consumeBoolean() ? " " : "").append(IDS[data.consumeInt(0, IDS.length - 1)])
                        .append(data.consumeBoolean() ? " = " : "=").append(data.consumeString(24));
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static void checkTyped(ConfigFile file, Optional<List<AttributeSpec>> schema, TypedProperties typed) {
        Map<String, AttributeSpec> specs = new LinkedHashMap<>();
        schema.ifPresent(list -> list.forEach(s -> specs.put(s.id(), s)));
        Map<String, Object> map = typed.asMap();
        require(map.size() == file.properties().size(), "typed " + map.keySet() + " from " + file.properties().size() + " properties");
        for (ConfigFile.Property p : file.properties()) {
            Object value = map.get(p.key());
            require(value != null, p.key() + " is missing from the typed properties");
            require(PropertyTyper.RESERVED.stream().noneMatch(p.key()::equalsIgnoreCase), "reserved key " + p.key() + " typed");
            AttributeSpec spec = specs.get(p.key());
            if (spec == null && schema.isPresent()) {
                if (p.key().endsWith(".target")) spec = AttributeSpec.optional(p.key(), AttributeType.STRING);
                else if (p.key().endsWith(".cardinality.minimum")) spec = AttributeSpec.optional(p.key(), AttributeType.INTEGER);
                else throw new AssertionError("unknown key " + p.key() + " typed with schema " + schema);
            }
            if (spec == null) {
                require(value.equals(p.value()), p.key() + " without a schema is not the text as written");
                continue;
            }
            Class<?> type = spec.type().javaType();
            if (spec.cardinality() == 0) {
                require(type.isInstance(value), p.key() + ": " + value.getClass() + ", not " + type);
            } else if (spec.cardinality() > 0) {
                require(value.getClass().isArray() && value.getClass().getComponentType() == type, p.key() + ": not an array of " + type);
                require(Array.getLength(value) <= spec.maxValues(), p.key() + ": more values than the cardinality");
                for (int i = 0; i < Array.getLength(value); i++) require(type.isInstance(Array.get(value, i)), p.key() + ": null or mistyped item");
            } else {
                require(value instanceof List<?> list && list.size() <= spec.maxValues() && list.stream().allMatch(type::isInstance),
                        p.key() + ": not a list of " + type + " within the cardinality");
            }
            AttributeSpec described = spec;
            if (!described.options().isEmpty() && described.cardinality() == 0) {
                require(described.options().stream().anyMatch(o -> sameValue(described.type(), o, value)),
                        p.key() + ": " + value + " is not one of " + described.options());
            }
        }
        for (AttributeSpec spec : specs.values())
            if (spec.required()) require(map.containsKey(spec.id()), "required " + spec.id() + " missing but the file was taken");

        TypedProperties copy = TypedProperties.of(map);
        require(copy.equals(typed) && typed.equals(copy) && copy.hashCode() == typed.hashCode(), "typed properties differ from their own copy");
        for (String key : map.keySet()) {
            Object got = typed.get(key).orElseThrow();
            if (got.getClass().isArray() && Array.getLength(got) > 0) {
                Array.set(got, 0, null);
                require(typed.equals(copy), "changing the array get(" + key + ") returned changed the properties");
            }
        }
        String shown = typed.toString();
        for (String key : map.keySet())
            if (TypedProperties.isSensitive(key)) require(shown.contains(key + "=***"), "sensitive " + key + " not masked in " + shown);
        noSecretIn(shown, file, schema, "toString");
    }

    private static boolean sameValue(AttributeType type, String option, Object value) {
        try {
            return type.convert(option.strip()).equals(value);
        } catch (IllegalArgumentException e) {
            return option.equals(String.valueOf(value));
        }
    }

    /**
     * A password-typed or sensitive value must not show in {@code text}, quoted as a problem
     * shows a value or as {@code key=value} in toString. Checked only for values that occur
     * nowhere else (other lines, keys, the schema), so that a match is a leak.
     */
    private static void noSecretIn(String text, ConfigFile file, Optional<List<AttributeSpec>> schema, String where) {
        for (ConfigFile.Property p : file.properties()) {
            // The last attribute of an id counts, as in PropertyTyper.
            boolean password = schema.flatMap(l -> l.stream().filter(s -> s.id().equals(p.key())).reduce((a, b) -> b))
                    .map(s -> s.type() == AttributeType.PASSWORD).orElse(false);
            // toString masks by key name only (it has no schema); problems mask passwords too.
            if (!TypedProperties.isSensitive(p.key()) && !(password && where.equals("a problem"))) continue;
            String secret = p.value();
            if (secret.length() < 4) continue;
            StringBuilder elsewhere = new StringBuilder(NAME).append(String.join(" ", FILE_NAMES)).append(String.join(" ", IDS));
            for (ConfigFile.Property other : file.properties()) {
                elsewhere.append(other.key()).append(other.line());
                if (other != p) elsewhere.append(other.value());
            }
            schema.ifPresent(l -> l.forEach(s -> elsewhere.append(s.id()).append(s.options())));
            if (elsewhere.indexOf(secret) >= 0) continue;
            // As PropertyTyper quotes a value in a problem, as toString shows a property.
            String leak = where.equals("toString") ? p.key() + "=" + secret : "'" + secret + "'";
            require(!text.contains(leak), "the secret value '" + secret + "' of " + p.key() + " shows in " + where + ": " + text);
        }
    }

    private static void checkDirectory(String name, byte[] content, ConfigFile file, Optional<List<AttributeSpec>> schema, TypedProperties typed,
            ConfigFileException refused) {
        ConfigDirectory directory = new ConfigDirectory(pid -> schema);
        Scan first = directory.scan(Map.of(name, content));
        if (!ConfigTarget.isConfigFile(name)) {
            require(first.actions().isEmpty() && first.rejections().isEmpty(), name + " is no config file, yet " + first);
            return;
        }
        boolean validName;
        try {
            ConfigTarget.ofFile(name);
            validName = true;
        } catch (ConfigFileException e) {
            validName = false;
        }
        if (!validName || refused != null) {
            require(first.actions().isEmpty() && first.rejections().size() == 1, "a refused " + name + " scans as " + first);
            if (validName) require(first.rejections().get(0).problems().equals(refused.problems()), "the scan's problems differ from the typer's");
            return;
        }
        require(first.rejections().isEmpty() && first.actions().size() == 1 && first.actions().get(0) instanceof Action.Apply apply
                && apply.properties().equals(typed), name + " scans as " + first);
        first.actions().forEach(directory::commit);
        Scan same = directory.scan(Map.of(name, content));
        require(same.actions().isEmpty() && same.rejections().isEmpty(), "the same file again scans as " + same);
        Scan rewritten = directory.scan(Map.of(name, render(file, false).getBytes(UTF_8)));
        require(rewritten.actions().isEmpty() && rewritten.rejections().isEmpty(),
                "the file in another order and spacing scans as " + rewritten + "\n" + render(file, false));
        Scan gone = directory.scan(Map.of());
        require(gone.actions().size() == 1 && gone.actions().get(0) instanceof Action.Delete, "the file removed scans as " + gone);
    }

    // ---------------------------------------------------------------- shared

    /** {@code sameLines}: each property on its own line number; else reversed, with comments and odd spacing. */
    private static String render(ConfigFile file, boolean sameLines) {
        StringBuilder text = new StringBuilder();
        if (sameLines) {
            int line = 1;
            for (ConfigFile.Property p : file.properties()) {
                for (; line < p.line(); line++) text.append('\n');
                text.append(p.key()).append(" = ").append(p.value()).append('\n');
                line++;
            }
            return text.toString();
        }
        List<ConfigFile.Property> reversed = new ArrayList<>(file.properties());
        Collections.reverse(reversed);
        text.append("\uFEFF# written back\n\n");
        for (ConfigFile.Property p : reversed) text.append("\t ").append(p.key()).append("=\t").append(p.value()).append("  \n! comment\n");
        return text.toString();
    }

    private static ConfigFile parseOrFail(String name, String text) {
        try {
            return ConfigFile.parse(name, text.getBytes(UTF_8));
        } catch (ConfigFileException e) {
            throw new AssertionError("a file written back from a parsed one is refused:\n" + text + "\n" + e.getMessage(), e);
        }
    }

    private static void checkRejection(ConfigFileException e, String name, int bytes, int lines) {
        require(!e.problems().isEmpty(), "a ConfigFileException without a problem");
        for (ConfigProblem p : e.problems()) {
            require(p.file().equals(name), "a problem of another file: " + p);
            require(p.line() >= 0 && p.line() <= lines, "a problem on line " + p.line() + " of " + lines + ": " + p);
        }
        String message = e.getMessage();
        require(message.length() <= 200L * (bytes + 20), "a " + message.length() + "-character message for " + bytes + " bytes");
    }

    private static void require(boolean condition, String what) {
        if (!condition) throw new AssertionError(what);
    }
}
