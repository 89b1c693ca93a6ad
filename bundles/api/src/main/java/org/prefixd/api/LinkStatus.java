package org.prefixd.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One configured WAN link as the link watcher sees it, for status displays.
 *
 * @param name interface name
 * @param mode pppd or ethernet
 * @param state up, down or a debounce in progress
 * @param since when the link entered this state
 * @param reason why it is in this state
 * @param link the registered WanLink while up
 */
public record LinkStatus(InterfaceName name, LinkMode mode, State state, Instant since, String reason,
                         Optional<WanLink> link) {
    public enum State {
        /** No WanLink; the link cannot carry IPv6. */
        DOWN,
        /** WanLink registered. */
        UP,
        /** Unusable, WanLink still registered until the debounce ends. */
        GOING_DOWN
    }

    public LinkStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(link, "link");
    }
}
