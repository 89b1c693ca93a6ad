package org.prefixd.dhcp6.client;

/** A change of the session's lease, for the services, the lease file and the hooks. */
public record LeaseEvent(Kind kind, Lease lease) {
    public enum Kind {
        /** A new lease from a Reply to a Request (or rapid commit). */
        BOUND,
        /** A lease read back from the state directory at start. */
        RESUMED,
        /** A Reply to a Renew. */
        RENEWED,
        /** A Reply to a Rebind. */
        REBOUND,
        /** Some addresses or prefixes reached the end of their valid lifetime; the rest stays. */
        UPDATED,
        /** Nothing valid is left; {@code lease} is the last one held. */
        EXPIRED,
        /** Given back to the server on request; {@code lease} is the one given back. */
        RELEASED,
        /** Stateless mode: the server's information, in a lease without IAs. */
        INFORMED
    }
}
