package org.prefixd.hooks;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.prefixd.api.InterfaceName;
import org.prefixd.api.WanLease;

/**
 * A lease change a hook runs for.
 *
 * @param kind what happened, as the client's event says: BOUND, RESUMED, RENEWED, REBOUND, UPDATED, EXPIRED, RELEASED or INFORMED
 * @param lease the lease now (for EXPIRED and RELEASED: the last one held)
 * @param previous the lease the link held before this event, if any
 */
public record HookEvent(Kind kind, InterfaceName link, WanLease lease, Optional<WanLease> previous, Instant now) {
    public enum Kind {
        BOUND, RESUMED, RENEWED, REBOUND, UPDATED, EXPIRED, RELEASED, INFORMED;

        /** Whether the lease is gone after this event. */
        public boolean ends() {
            return this == EXPIRED || this == RELEASED;
        }
    }

    public HookEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(now, "now");
    }
}
