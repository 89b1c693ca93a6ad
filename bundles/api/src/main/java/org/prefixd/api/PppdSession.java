package org.prefixd.api;

import java.util.Objects;
import java.util.Optional;

/**
 * What pppd told its ipv6-up script about the link: the pppd process, the tty, its speed and
 * the ipparam option. Every field was validated before it got here.
 */
public record PppdSession(long pid, Optional<String> tty, long speed, Optional<String> ipparam) {
    public PppdSession {
        if (pid <= 1) throw new IllegalArgumentException("pppd pid " + pid + " is not a process id");
        if (speed < 0) throw new IllegalArgumentException("speed " + speed + " is negative");
        Objects.requireNonNull(tty, "tty");
        Objects.requireNonNull(ipparam, "ipparam");
        tty.ifPresent(t -> requireSafe("tty", t));
        ipparam.ifPresent(p -> requireSafe("ipparam", p));
    }

    /** Text that is safe in a log line, a JSON string and an environment variable. */
    public static boolean isSafeText(String value) {
        if (value.length() > 128) return false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7e) return false;
            if ("`$\\\"'<>|&;(){}*?[]!#~".indexOf(c) >= 0) return false;
        }
        return true;
    }

    private static void requireSafe(String what, String value) {
        if (!isSafeText(value))
            throw new IllegalArgumentException(what + " '" + SafeText.printable(value) + "' contains characters that are not allowed");
    }
}
