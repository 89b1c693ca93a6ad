package org.prefixd.hooks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds a script's environment. Every value is rendered by prefixd from typed values; this is
 * the last check before it leaves the process: a value with anything but letters, digits and
 * {@code . : / , _ = -} and spaces is left out and named in {@link HookCall#dropped()}.
 */
final class Environment {
    /** What scripts get for PATH: the environment is otherwise only what the style defines. */
    static final String PATH = "/usr/sbin:/usr/bin:/sbin:/bin";
    private static final Pattern SAFE_VALUE = Pattern.compile("[A-Za-z0-9.:/,_= -]{0,4096}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> dropped = new ArrayList<>();

    Environment() {
        values.put("PATH", PATH);
    }

    Environment put(String name, String value) {
        if (!NAME.matcher(name).matches()) throw new IllegalArgumentException("not a variable name: " + name);
        if (SAFE_VALUE.matcher(value).matches()) values.put(name, value);
        else dropped.add(name);
        return this;
    }

    /** {@code values} joined by spaces; with {@code trailing}, each followed by a space (WIDE dhcp6c's way). */
    Environment list(String name, List<String> items, boolean trailing) {
        StringBuilder out = new StringBuilder();
        for (String item : items) {
            if (!trailing && out.length() > 0) out.append(' ');
            out.append(item);
            if (trailing) out.append(' ');
        }
        return put(name, out.toString());
    }

    HookCall call(List<String> arguments) {
        return new HookCall(arguments, values, dropped);
    }
}
