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
}
