package org.prefixd.hooks;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.prefixd.api.InterfaceName;
import org.prefixd.api.WanLease4;

/**
 * A change of a link's IPv4 lease (DHCPv4 over DHCPv6) a hook runs for. Hooks name these events
 * {@code ipv4.bound} ... {@code ipv4.declined} (or {@code ipv4} for all): a script written for a
 * DHCPv6 client never runs for them unless its owner asks.
 *
 * @param lease the lease now (for EXPIRED, RELEASED and DECLINED: the last one held)
 * @param previous the lease the link held before, if any
 */
public record Hook4Event(Kind kind, InterfaceName link, WanLease4 lease, Optional<WanLease4> previous, Instant now) {
    public enum Kind {
        BOUND, RESUMED, RENEWED, REBOUND, EXPIRED, RELEASED, DECLINED;

        /** Whether the lease is gone after this event. */
        public boolean ends() {
            return this == EXPIRED || this == RELEASED || this == DECLINED;
        }

        /** As hooks and their configuration name it: "ipv4.bound". */
        public String label() {
            return "ipv4." + name().toLowerCase(Locale.ROOT);
        }
    }

    public Hook4Event {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(now, "now");
    }
}
