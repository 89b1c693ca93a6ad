package org.prefixd.dhcp6.server;

import java.util.Objects;
import java.util.Optional;

/**
 * A change of a downstream router's delegation: routes to add for {@code delegation}'s prefixes
 * and to remove for those of {@code before} it no longer has (or all of them when it ended).
 */
public record DelegationEvent(LanLeaseEvent.Kind kind, Delegation delegation, Optional<Delegation> before) {
    public DelegationEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(delegation, "delegation");
        Objects.requireNonNull(before, "before");
    }

    /** Whether the delegation ended: its routes go. */
    public boolean ends() {
        return kind == LanLeaseEvent.Kind.RELEASED || kind == LanLeaseEvent.Kind.EXPIRED;
    }
}
