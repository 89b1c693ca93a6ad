package org.prefixd.hooks;

import java.util.List;

/**
 * How a run ended.
 *
 * @param exit the exit code; -1 when it did not start or was killed at its timeout
 * @param timedOut killed (with its process group) at its timeout
 * @param problem why it did not start, or empty
 * @param tail the last lines of its output (stdout and stderr), printable ASCII only
 */
public record ScriptResult(int exit, boolean timedOut, String problem, List<String> tail, long millis) {
    public ScriptResult {
        tail = List.copyOf(tail);
    }

    public boolean ok() {
        return exit == 0 && !timedOut && problem.isEmpty();
    }

    public String summary() {
        if (!problem.isEmpty()) return "not started: " + problem;
        if (timedOut) return "killed at its timeout after " + millis + " ms";
        return "exit " + exit + " after " + millis + " ms";
    }
}
