package org.prefixd.netconf;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One change to the system's network configuration, as it can be made again later: its
 * command is built at the time it runs, so that lifetimes count down from when they were given
 * (an address whose valid lifetime has run out meanwhile needs no command any more).
 *
 * @param target what it changes ("address wan0 2001:db8::1/128", "route 2001:db8:100::/56"): a
 *               later change to the same target replaces a retry of this one
 * @param command the command at a given time, or empty when there is nothing left to do
 * @param removal whether it removes something (already gone counts as done)
 */
record Change(String target, Function<Instant, Optional<List<String>>> command, boolean removal) {
    Change {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(command, "command");
    }

    /** A change whose command is the same whenever it runs. */
    static Change fixed(String target, List<String> command, boolean removal) {
        return new Change(target, new Fixed(command), removal);
    }

    /** A class, not a lambda: a lambda's first call costs a bootstrap, here on a lease's path. */
    private static final class Fixed implements Function<Instant, Optional<List<String>>> {
        private final Optional<List<String>> command;

        Fixed(List<String> command) {
            this.command = Optional.of(command);
        }

        @Override
        public Optional<List<String>> apply(Instant now) {
            return command;
        }
    }
}
