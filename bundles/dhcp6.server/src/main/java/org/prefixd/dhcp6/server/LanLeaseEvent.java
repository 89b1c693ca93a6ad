package org.prefixd.dhcp6.server;

import java.util.Objects;

/** A change of a LAN client's lease, for the event stream, the log and the hooks. */
public record LanLeaseEvent(Kind kind, LanLease lease) {
    public enum Kind { BOUND, RENEWED, RELEASED, EXPIRED, DECLINED }

    public LanLeaseEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(lease, "lease");
    }
}
