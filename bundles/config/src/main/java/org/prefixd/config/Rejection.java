package org.prefixd.config;

import java.util.List;
import java.util.Objects;

/**
 * A file that was not applied.
 *
 * @param file the file name
 * @param problems everything wrong with it, at least one
 * @param previousInForce whether an earlier version of the file stays applied
 */
public record Rejection(String file, List<ConfigProblem> problems, boolean previousInForce) {
    public Rejection {
        Objects.requireNonNull(file, "file");
        problems = List.copyOf(problems);
        if (problems.isEmpty()) throw new IllegalArgumentException("a rejection of " + file + " needs a problem");
    }
}
