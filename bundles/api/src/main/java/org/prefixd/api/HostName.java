package org.prefixd.api;

import java.util.regex.Pattern;

/** The one check for names that go to files, environments or logs: RFC 1123 host names only. */
public final class HostName {
    private static final Pattern NAME = Pattern.compile("(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)*[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.?");

    private HostName() {
    }

    /** Letters, digits and inner hyphens in labels of 1 to 63, dots between, an optional final dot, at most 254 characters. */
    public static boolean valid(String name) {
        return name != null && name.length() <= 254 && NAME.matcher(name).matches();
    }
}
