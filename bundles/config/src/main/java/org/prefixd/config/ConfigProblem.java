package org.prefixd.config;

import java.util.Objects;

/**
 * One thing wrong with one config file, located as compilers do: {@code name.cfg:3: message}.
 * Line 0 means the file as a whole (too large, a required key missing, a bad file name); it is
 * printed without a line number: {@code name.cfg: message}.
 */
public record ConfigProblem(String file, int line, String message) implements Comparable<ConfigProblem> {
    public ConfigProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        if (line < 0) throw new IllegalArgumentException("line " + line + " is negative");
    }

    @Override
    public int compareTo(ConfigProblem other) {
        int byFile = file.compareTo(other.file);
        return byFile != 0 ? byFile : Integer.compare(line, other.line);
    }

    @Override
    public String toString() {
        return line == 0 ? file + ": " + message : file + ":" + line + ": " + message;
    }
}
