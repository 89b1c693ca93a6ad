package org.prefixd.api;

/** Text from outside (a server, a script, a file) made safe to put in a log line. */
public final class SafeText {
    private SafeText() {
    }

    /** At most 64 characters of {@code s}, with everything outside printable ASCII as '?'. */
    public static String printable(String s) {
        if (s == null) return "null";
        StringBuilder out = new StringBuilder(Math.min(s.length(), 64) + 3);
        for (int i = 0; i < s.length() && i < 64; i++) {
            char c = s.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        if (s.length() > 64) out.append("...");
        return out.toString();
    }
}
