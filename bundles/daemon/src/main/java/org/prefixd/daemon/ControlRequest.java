package org.prefixd.daemon;

/** One request on the control socket: a single line, e.g. "status --json". */
public enum ControlRequest {
    STATUS("status"),
    STATUS_JSON("status --json"),
    RELOAD("reload");

    public static final int MAX_LINE = 256;
    private final String line;

    ControlRequest(String line) {
        this.line = line;
    }

    public static ControlRequest parse(String line) {
        String trimmed = line.strip().replaceAll("\\s+", " ");
        for (ControlRequest r : values()) if (r.line.equals(trimmed)) return r;
        throw new IllegalArgumentException("unknown request; try: status, status --json, reload");
    }
}
