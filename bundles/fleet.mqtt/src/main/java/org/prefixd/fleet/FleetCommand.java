package org.prefixd.fleet;

import java.util.Map;
import java.util.Objects;

import org.prefixd.api.InterfaceName;

/**
 * A command from the fleet's controller, read by {@link CommandReader} from {@code …/cmd/<name>}.
 */
public sealed interface FleetCommand {
    int MAX_BYTES = 16 * 1024;

    String requestId();

    record Renew(String requestId, InterfaceName link) implements FleetCommand {
    }

    record Release(String requestId, InterfaceName link) implements FleetCommand {
    }

    record Reload(String requestId) implements FleetCommand {
    }

    record ConfigGet(String requestId, String pid) implements FleetCommand {
    }

    /** @param properties the whole configuration, as a file would hold it: names to text values */
    record ConfigSet(String requestId, String pid, Map<String, String> properties) implements FleetCommand {
        public ConfigSet {
            properties = Map.copyOf(properties);
        }
    }

    /** Why a payload is no command; {@code requestId} when it had a usable one (the refusal goes there). */
    record Refused(java.util.Optional<String> requestId, String why) {
        public Refused {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(why, "why");
        }
    }

    /** The command or why not. */
    record Parsed(java.util.Optional<FleetCommand> command, java.util.Optional<Refused> refused) {
    }
}
