package org.prefixd.hooks;

import java.util.List;
import java.util.Map;

/**
 * One run of a script: its arguments after the script's path and its whole environment.
 *
 * @param dropped variables left out because a value was not safe to pass (for the log)
 */
public record HookCall(List<String> arguments, Map<String, String> environment, List<String> dropped) {
    public HookCall {
        arguments = List.copyOf(arguments);
        environment = Map.copyOf(environment);
        dropped = List.copyOf(dropped);
    }
}
