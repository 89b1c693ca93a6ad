package org.prefixd.api;

import java.nio.file.Path;

/**
 * The directories the launcher passes as framework properties ({@code --configs}, {@code --state},
 * {@code --run}), with the router defaults when a property is not set.
 */
public final class Directories {
    public static final String CONFIGS_PROPERTY = "prefixd.configs.dir";
    public static final String STATE_PROPERTY = "prefixd.state.dir";
    public static final String RUN_PROPERTY = "prefixd.run.dir";

    private Directories() {
    }

    /** The run directory (sockets, volatile state) from the value of {@link #RUN_PROPERTY}. */
    public static Path run(String propertyValue) {
        return orDefault(propertyValue, "/run/prefixd");
    }

    /** The state directory (what survives restarts) from the value of {@link #STATE_PROPERTY}. */
    public static Path state(String propertyValue) {
        return orDefault(propertyValue, "/var/lib/prefixd");
    }

    private static Path orDefault(String value, String fallback) {
        return Path.of(value == null || value.isBlank() ? fallback : value).toAbsolutePath();
    }
}
