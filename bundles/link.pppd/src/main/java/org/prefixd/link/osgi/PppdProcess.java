package org.prefixd.link.osgi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Identifies a pppd process by pid and start time (from /proc/PID/stat), so a recycled pid is
 * not mistaken for the pppd that is gone. Java cannot wait for a process it did not start
 * without polling; a stat of /proc every half second is what that costs.
 */
record PppdProcess(long pid, long startTicks) {
    static OptionalLong startTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            // Field 2 is "(comm)" and may contain spaces; fields after the last ')' are fixed.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            if (fields.length < 20 || fields[0].equals("Z")) return OptionalLong.empty(); // zombie: dead
            return OptionalLong.of(Long.parseLong(fields[19]));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    static java.util.Optional<PppdProcess> find(long pid) {
        OptionalLong start = startTicks(pid);
        return start.isPresent() ? java.util.Optional.of(new PppdProcess(pid, start.getAsLong())) : java.util.Optional.empty();
    }

    boolean isAlive() {
        OptionalLong now = startTicks(pid);
        return now.isPresent() && now.getAsLong() == startTicks;
    }
}
