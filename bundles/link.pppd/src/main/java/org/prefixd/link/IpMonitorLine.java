package org.prefixd.link;

import org.prefixd.api.InterfaceName;

/**
 * Tells whether a line of {@code ip -o monitor link address} is about a given interface. The
 * line is only a trigger: the state itself is read again with {@code ip -j}, which is robust
 * against the many shapes of monitor output.
 */
public final class IpMonitorLine {
    private IpMonitorLine() {
    }

    /** Lines look like "3: a0@b0: <...>", "3: a0    inet6 fe80::1/64 ..." or "Deleted 3: a0 ...". */
    public static boolean concerns(String line, InterfaceName name, int knownIndex) {
        String rest = line.startsWith("Deleted ") ? line.substring(8) : line;
        int colon = rest.indexOf(':');
        if (colon <= 0) return false;
        int index;
        try {
            index = Integer.parseInt(rest.substring(0, colon).trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (knownIndex > 0 && index == knownIndex) return true;
        String after = rest.substring(colon + 1).stripLeading();
        String ifname = name.value();
        if (!after.startsWith(ifname)) return false;
        if (after.length() == ifname.length()) return true;
        char next = after.charAt(ifname.length());
        return next == ':' || next == '@' || Character.isWhitespace(next);
    }
}
