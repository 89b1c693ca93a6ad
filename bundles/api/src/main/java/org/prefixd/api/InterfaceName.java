package org.prefixd.api;

/**
 * A Linux network interface name, as the kernel accepts it (dev_valid_name): 1 to 15 bytes,
 * not "." or "..", no '/', ':' or whitespace. Narrowed further to printable ASCII so that a
 * name is always safe in a log line, a file and an argument array.
 */
public record InterfaceName(String value) implements Comparable<InterfaceName> {
    /** IFNAMSIZ (16) minus the terminating NUL. */
    public static final int MAX_LENGTH = 15;

    public InterfaceName {
        String problem = problemWith(value);
        if (problem != null) throw new IllegalArgumentException(problem);
    }

    public static InterfaceName of(String value) {
        return new InterfaceName(value);
    }

    /** Why {@code value} is not an interface name, or null when it is one. */
    public static String problemWith(String value) {
        if (value == null || value.isEmpty()) return "interface name is empty";
        if (value.length() > MAX_LENGTH)
            return "interface name is longer than " + MAX_LENGTH + " characters";
        if (value.equals(".") || value.equals("..")) return "interface name '" + value + "' is reserved";
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '@';
            if (!allowed) return "interface name contains a character that is not allowed at position " + i;
        }
        return null;
    }

    @Override
    public int compareTo(InterfaceName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
