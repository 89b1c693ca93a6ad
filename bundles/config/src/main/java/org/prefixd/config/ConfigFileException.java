package org.prefixd.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A config file that cannot be applied. Carries every problem found in the file (at least
 * one), so that a user fixes them all in one edit; the message is one
 * {@code file:line: message} line per problem.
 */
public final class ConfigFileException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    public ConfigFileException(String file, int line, String message) {
        this(List.of(new ConfigProblem(file, line, message)));
    }

    public ConfigFileException(List<ConfigProblem> problems) {
        super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) throw new IllegalArgumentException("a ConfigFileException needs a problem");
        this.problems = List.copyOf(problems);
    }

    /** @return the problems in the order found, at least one */
    public List<ConfigProblem> problems() {
        return problems;
    }

    /** @return the file name of the first problem */
    public String file() {
        return problems.get(0).file();
    }

    /** @return the 1-based line of the first problem, 0 for the whole file */
    public int line() {
        return problems.get(0).line();
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
