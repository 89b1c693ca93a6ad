package org.prefixd.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One DHCPv6 client session as `prefixd status` shows it.
 *
 * @param link the WAN link
 * @param state the session's state (SOLICITING, BOUND, RENEWING, ...; NO_LINK while the link has no WanLink)
 * @param server the server's DUID in hex, while bound
 * @param addresses the leased addresses ("2001:db8::100")
 * @param prefixes the delegated prefixes ("2001:db8:100::/56")
 * @param nextEvent when the session acts next (retransmission, T1, T2, expiry)
 * @param options the options of the lease asked for with {@code request.options} that prefixd does not interpret
 * @param ipv4 the DHCPv4-over-DHCPv6 client, when configured
 */
public record SessionStatus(InterfaceName link, String state, Optional<String> server, List<Leased> addresses,
                            List<Leased> prefixes, Optional<Instant> nextEvent, List<ReceivedOption> options, Optional<Ipv4> ipv4) {
    /**
     * The DHCPv4-over-DHCPv6 client of the link.
     *
     * @param state IDLE (no 4o6 server named by the DHCPv6 server), SELECTING, REQUESTING, REBOOTING, BOUND, RENEWING, REBINDING, DECLINED or RELEASED
     * @param lease the lease held, if any
     * @param nextEvent when the client acts next
     */
    public record Ipv4(String state, Optional<WanLease4> lease, Optional<Instant> nextEvent) {
        public Ipv4 {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(lease, "lease");
            Objects.requireNonNull(nextEvent, "nextEvent");
        }
    }

    /**
     * An address or prefix with its absolute lifetimes.
     *
     * @param excluded for a prefix, what the server excludes from it (RFC 6603): "2001:db8:100:1::/64"
     */
    public record Leased(String value, Instant preferredUntil, Instant validUntil, Optional<String> excluded) {
        public Leased {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(preferredUntil, "preferredUntil");
            Objects.requireNonNull(validUntil, "validUntil");
            Objects.requireNonNull(excluded, "excluded");
        }

        public Leased(String value, Instant preferredUntil, Instant validUntil) {
            this(value, preferredUntil, validUntil, Optional.empty());
        }
    }

    public SessionStatus {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(server, "server");
        addresses = List.copyOf(addresses);
        prefixes = List.copyOf(prefixes);
        Objects.requireNonNull(nextEvent, "nextEvent");
        options = List.copyOf(options);
        Objects.requireNonNull(ipv4, "ipv4");
    }

    /** Without an IPv4 client. */
    public SessionStatus(InterfaceName link, String state, Optional<String> server, List<Leased> addresses, List<Leased> prefixes,
                         Optional<Instant> nextEvent, List<ReceivedOption> options) {
        this(link, state, server, addresses, prefixes, nextEvent, options, Optional.empty());
    }

    /** Without received options. */
    public SessionStatus(InterfaceName link, String state, Optional<String> server, List<Leased> addresses, List<Leased> prefixes,
                         Optional<Instant> nextEvent) {
        this(link, state, server, addresses, prefixes, nextEvent, List.of());
    }
}
