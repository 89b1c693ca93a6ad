package org.prefixd.config;

import java.util.List;

/**
 * The outcome of comparing the directory with what is in force.
 *
 * @param actions deletions first, then applications, each in file name order
 * @param rejections the files not applied, in file name order
 */
public record Scan(List<Action> actions, List<Rejection> rejections) {
    public Scan {
        actions = List.copyOf(actions);
        rejections = List.copyOf(rejections);
    }

    /** @return every problem of every rejected file */
    public List<ConfigProblem> problems() {
        return rejections.stream().flatMap(r -> r.problems().stream()).toList();
    }

    /** @return every problem as a {@code file:line: message} line, as ConfigReload returns them */
    public List<String> problemLines() {
        return problems().stream().map(ConfigProblem::toString).toList();
    }
}
