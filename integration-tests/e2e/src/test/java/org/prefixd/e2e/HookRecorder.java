package org.prefixd.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A hook script that records each run (its arguments and its whole environment) in a file of its
 * own, named by time, so the test reads the runs in order.
 */
final class HookRecorder {
    /** One run: {@code ARGS} holds the arguments joined by spaces. */
    record Run(String file, Map<String, String> env) {
        String get(String name) {
            return env.get(name);
        }
    }

    final Path script;
    final Path records;

    HookRecorder(Path dir, String name) throws IOException {
        this.records = Files.createDirectories(dir.resolve(name + "-runs"));
        this.script = dir.resolve(name + ".sh");
        Files.writeString(script, """
                #!/bin/sh
                f=%s/$(date +%%s%%N)-$$
                { echo "ARGS=$*"; env; } > "$f.tmp" && mv "$f.tmp" "$f.run"
                """.formatted(records));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    List<Run> runs() {
        List<Run> runs = new ArrayList<>();
        try (Stream<Path> files = Files.list(records)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".run")).sorted().toList()) {
                Map<String, String> env = new LinkedHashMap<>();
                for (String line : Files.readAllLines(f)) {
                    int eq = line.indexOf('=');
                    if (eq > 0) env.put(line.substring(0, eq), line.substring(eq + 1));
                }
                runs.add(new Run(f.getFileName().toString(), env));
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return runs;
    }

    /** The runs where {@code name} has {@code value}. */
    List<Run> where(String name, String value) {
        return runs().stream().filter(r -> value.equals(r.get(name))).toList();
    }

    String allText() {
        StringBuilder out = new StringBuilder();
        for (Run r : runs()) out.append(r.file()).append(' ').append(r.env()).append('\n');
        return out.toString();
    }
}
