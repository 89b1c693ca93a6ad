package org.prefixd.api;

import java.util.regex.Pattern;

/**
 * An option the owner asked the server for ({@code request.options}) that prefixd does not
 * interpret itself, kept with the lease for the owner's scripts: its code and its body as
 * lower-case hex, never raw bytes.
 *
 * @param code the option code, 1 to 65535
 * @param hex  the option's body, at most {@link #MAX_BYTES} bytes
 */
public record ReceivedOption(int code, String hex) {
    /** The largest body kept; a larger one is dropped with a log line. */
    public static final int MAX_BYTES = 1024;
    /** The most kept per lease, all bodies together. */
    public static final int MAX_BYTES_PER_LEASE = 4096;
    private static final Pattern HEX = Pattern.compile("([0-9a-f]{2}){0," + MAX_BYTES + "}");

    /**
     * The options of one lease, checked against {@link #MAX_BYTES_PER_LEASE}.
     *
     * @return an unmodifiable copy
     */
    public static java.util.List<ReceivedOption> ofOneLease(java.util.List<ReceivedOption> options) {
        int bytes = 0;
        for (ReceivedOption o : options) bytes += o.hex().length() / 2;
        if (bytes > MAX_BYTES_PER_LEASE) throw new IllegalArgumentException("options of " + bytes + " bytes, more than " + MAX_BYTES_PER_LEASE);
        return java.util.List.copyOf(options);
    }

    public ReceivedOption {
        if (code < 1 || code > 0xffff) throw new IllegalArgumentException("option code " + code + " is not in 1..65535");
        if (hex == null || !HEX.matcher(hex).matches())
            throw new IllegalArgumentException("option " + code + ": not lower-case hex of at most " + MAX_BYTES + " bytes");
    }
}
