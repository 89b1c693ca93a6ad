package org.prefixd.daemon;

import org.prefixd.api.InterfaceName;

/** One request on the control socket: a single line, e.g. "status --json" or "renew ppp0". */
public record ControlRequest(Kind kind, InterfaceName link) {
    public enum Kind { STATUS, STATUS_JSON, RELOAD, RENEW, RELEASE }

    public static final int MAX_LINE = 256;

    public static ControlRequest parse(String line) {
        String[] words = line.strip().split("\\s+");
        String command = String.join(" ", words);
        switch (command) {
            case "status": return new ControlRequest(Kind.STATUS, null);
            case "status --json": return new ControlRequest(Kind.STATUS_JSON, null);
            case "reload": return new ControlRequest(Kind.RELOAD, null);
            default: break;
        }
        if (words.length == 2 && (words[0].equals("renew") || words[0].equals("release"))) {
            String problem = InterfaceName.problemWith(words[1]);
            if (problem != null) throw new IllegalArgumentException(words[0] + ": " + problem);
            return new ControlRequest(words[0].equals("renew") ? Kind.RENEW : Kind.RELEASE, InterfaceName.of(words[1]));
        }
        throw new IllegalArgumentException("unknown request; try: status, status --json, reload, renew <link>, release <link>");
    }
}
