package org.prefixd.config;

import java.util.Objects;

/** What Config Admin must do so that it holds what the directory says. */
public sealed interface Action permits Action.Apply, Action.Delete {
    /** @return the config file name the action comes from */
    String file();

    ConfigTarget target();

    /** Create or update the target's configuration with these properties. */
    record Apply(String file, ConfigTarget target, TypedProperties properties) implements Action {
        public Apply {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(properties, "properties");
        }

        @Override
        public String toString() {
            return "apply " + file + " to " + target;
        }
    }

    /** Delete the target's configuration: its file is gone. */
    record Delete(String file, ConfigTarget target) implements Action {
        public Delete {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(target, "target");
        }

        @Override
        public String toString() {
            return "delete " + target + " of " + file;
        }
    }
}
