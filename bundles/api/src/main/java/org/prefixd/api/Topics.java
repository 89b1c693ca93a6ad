package org.prefixd.api;

/**
 * Event Admin topics prefixd posts on. Every event carries {@link #PROP_INTERFACE} and
 * {@link #PROP_REASON}; more properties are documented per topic.
 */
public final class Topics {
    private Topics() {
    }

    /** Every prefixd topic starts with this. Subscribe to "prefixd/*" for all of them. */
    public static final String PREFIX = "prefixd/";
    /** A WanLink was registered (the link carries IPv6). */
    public static final String LINK_UP = "prefixd/link/UP";
    /** A WanLink was re-registered with new details (peer, pppd session). */
    public static final String LINK_CHANGED = "prefixd/link/CHANGED";
    /** A WanLink was withdrawn after the debounce. */
    public static final String LINK_DOWN = "prefixd/link/DOWN";

    /** A DHCPv6 lease was bound, renewed, rebound, updated, resumed or expired: the last part of the topic says which. */
    public static final String LEASE_PREFIX = "prefixd/lease/";
    /**
     * The IPv4 lease of DHCPv4 over DHCPv6 was bound, renewed, rebound, resumed, expired, released
     * or declined: the last part of the topic says which. {@link #PROP_LEASE4} holds the lease.
     */
    public static final String LEASE4_PREFIX = "prefixd/lease4/";
    /**
     * A LAN client's DHCPv6 lease was BOUND, RENEWED, RELEASED, EXPIRED or DECLINED (the last part
     * of the topic): {@link #PROP_INTERFACE} is the LAN, with {@link #PROP_MAC} (when known),
     * {@link #PROP_DUID} and {@link #PROP_ADDRESSES}, or {@link #PROP_PREFIXES} for a downstream
     * router's delegation (IA_PD).
     */
    public static final String LANLEASE_PREFIX = "prefixd/lanlease/";
    /** Event property on lanlease events: the client's MAC, "aa:bb:cc:dd:ee:ff". */
    public static final String PROP_MAC = "mac";
    /** Event property on lanlease events: the client's DUID in hex. */
    public static final String PROP_DUID = "duid";
    /** Event property on lanlease events: the client's addresses, space-separated. */
    public static final String PROP_ADDRESSES = "addresses";
    /** Event property on lanlease events: the host name reserved for the client (prefixd.lan dhcpv6.reservations), when there is one. */
    public static final String PROP_HOSTNAME = "hostname";
    /** Event property on lanlease events of a delegation: the prefixes delegated to the router, space-separated. */
    public static final String PROP_PREFIXES = "prefixes";
    /** A LAN got no subnet of a delegated prefix: {@link #PROP_INTERFACE} is the LAN, {@link #PROP_REASON} says why. */
    public static final String LAN_NO_SPACE = "prefixd/lan/NO_SPACE";

    /** A hook script ran: {@link #PROP_SCRIPT}, {@link #PROP_EXIT} (-1: killed at its timeout or not started), {@link #PROP_REASON} the event it ran for. */
    public static final String HOOK_DONE = "prefixd/hook/DONE";
    /** A hook script failed: it exited non-zero, ran past its timeout or could not start. Properties as {@link #HOOK_DONE}. */
    public static final String HOOK_FAILED = "prefixd/hook/FAILED";

    /** radvd was given a new configuration: {@link #PROP_INTERFACE} the advertising LANs (space-separated), {@link #PROP_REASON} what it holds. */
    public static final String RADVD_WRITTEN = "prefixd/radvd/WRITTEN";
    /** radvd refused a new configuration; the previous one stays. {@link #PROP_REASON} is radvd's complaint. */
    public static final String RADVD_REFUSED = "prefixd/radvd/REFUSED";
    /** No LAN has prefixes to advertise: radvd was stopped. */
    public static final String RADVD_STOPPED = "prefixd/radvd/STOPPED";

    /** Event property: the interface name. */
    public static final String PROP_INTERFACE = "interface";
    /** Event property: why, in a few words (e.g. "carrier lost", "pppd ipv6-down"). */
    public static final String PROP_REASON = "reason";
    /** Event property on link events: our link-local address. */
    public static final String PROP_LOCAL = "local";
    /** Event property on link events: the peer's link-local address, when known. */
    public static final String PROP_PEER = "peer";
    /**
     * Event property on lease events: the {@link WanLease} (for EXPIRED and RELEASED the last one
     * held). Absent when the lease could not be expressed as one (a bug, logged by the client).
     */
    public static final String PROP_LEASE = "lease";
    /**
     * Event property on lease events: an id no other lease event of this prefixd has (a String),
     * also on the {@link WanLease} registration ({@link WanLease#PROP_EVENT_ID}).
     */
    public static final String PROP_EVENT_ID = "event.id";
    /** Event property on lease4 events: the {@link WanLease4} (for EXPIRED, RELEASED and DECLINED the last one held). */
    public static final String PROP_LEASE4 = "lease4";
    /** Event property on hook events: the script's path. */
    public static final String PROP_SCRIPT = "script";
    /** Event property on hook events: the exit code (an Integer). */
    public static final String PROP_EXIT = "exit";
    /** Event property on hook events: how long the script ran, in milliseconds (a Long). */
    public static final String PROP_MILLIS = "millis";
}
