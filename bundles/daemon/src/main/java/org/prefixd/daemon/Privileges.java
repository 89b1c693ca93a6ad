package org.prefixd.daemon;

import java.util.ArrayList;
import java.util.List;

/**
 * Who prefixd runs as and which of the capabilities its work needs it holds, read from
 * /proc/self/status: said once at start, so that a service definition that left one out shows
 * up as one clear line rather than as a refusal much later.
 */
public record Privileges(String user, long uid, long effective) {
    /** The capabilities prefixd uses, by number (linux/capability.h), and what each is for. */
    private enum Needed {
        CAP_NET_ADMIN(12, "addresses and routes cannot be set (ip ... Operation not permitted)"),
        CAP_NET_BIND_SERVICE(10, "the DHCPv6 client cannot bind port 546"),
        CAP_NET_RAW(13, "the radvd prefixd starts cannot open its ICMPv6 socket");

        final int number;
        final String without;

        Needed(int number, String without) {
            this.number = number;
            this.without = without;
        }
    }

    /** @param status the text of /proc/self/status */
    public static Privileges parse(String user, String status) {
        long uid = -1;
        long effective = 0;
        for (String line : status.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length < 2) continue;
            if (fields[0].equals("Uid:")) uid = Long.parseLong(fields[2]); // real, effective, saved, fs
            if (fields[0].equals("CapEff:")) effective = Long.parseUnsignedLong(fields[1], 16);
        }
        if (uid < 0) throw new IllegalArgumentException("no Uid: line in the process status");
        return new Privileges(user, uid, effective);
    }

    private boolean has(Needed capability) {
        return (effective & (1L << capability.number)) != 0;
    }

    /** The capabilities prefixd uses that this process holds, in a fixed order. */
    public List<String> held() {
        List<String> names = new ArrayList<>();
        for (Needed cap : Needed.values()) if (has(cap)) names.add(cap.name());
        return names;
    }

    /** One line per capability prefixd uses and lacks: what will not work. */
    public List<String> missing() {
        List<String> lines = new ArrayList<>();
        for (Needed cap : Needed.values())
            if (!has(cap)) lines.add("without " + cap.name() + " " + cap.without + ": add it to the service's capabilities");
        return lines;
    }

    public String summary() {
        String who = "user " + user + " (uid " + uid + ")";
        // Linux has 38 to 41 capabilities: a process holding that many is root as usual.
        if (Long.bitCount(effective) >= 38) return "running as " + who + " with every capability";
        List<String> held = held();
        return "running as " + who + " with " + (held.isEmpty() ? "none of the capabilities it uses" : String.join(", ", held));
    }
}
