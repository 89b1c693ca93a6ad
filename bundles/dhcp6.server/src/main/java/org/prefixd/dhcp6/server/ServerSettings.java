package org.prefixd.dhcp6.server;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.prefixd.dhcp6.codec.Duid;

/**
 * How a LAN's DHCPv6 server works (from its prefixd.lan configuration, checked).
 *
 * @param mode stateless: Information-request only (DNS, domains); stateful: addresses (IA_NA) too
 * @param assign by MAC (the same address for a device whatever its DUID) or by DUID (ordinary leases)
 * @param reservations fixed interface identifiers by MAC ("aa:bb:...") or DUID (hex), below {@link InterfaceIds#RESERVED_BELOW}
 * @param leaseTime the longest valid lifetime given (a subnet's own is shorter when it ends sooner)
 * @param bootUrl RFC 5970's boot file URL (option 59), with {@code {mac}} replaced by the client's MAC
 * @param delegate the length of the prefixes delegated to downstream routers (IA_PD); empty: none
 * @param names reserved host names by MAC ("aa:bb:...") or DUID (hex): given in the Client FQDN option to a client that sends one
 */
public record ServerSettings(Mode mode, Assign assign, Map<String, Long> reservations, boolean rapidCommit, Duration leaseTime,
                             Optional<String> bootUrl, Duid serverDuid, java.util.OptionalInt delegate, Map<String, String> names) {
    public ServerSettings(Mode mode, Assign assign, Map<String, Long> reservations, boolean rapidCommit, Duration leaseTime,
                          Optional<String> bootUrl, Duid serverDuid, java.util.OptionalInt delegate) {
        this(mode, assign, reservations, rapidCommit, leaseTime, bootUrl, serverDuid, delegate, Map.of());
    }

    public ServerSettings(Mode mode, Assign assign, Map<String, Long> reservations, boolean rapidCommit, Duration leaseTime,
                          Optional<String> bootUrl, Duid serverDuid) {
        this(mode, assign, reservations, rapidCommit, leaseTime, bootUrl, serverDuid, java.util.OptionalInt.empty(), Map.of());
    }

    public enum Mode { OFF, STATELESS, STATEFUL }

    public enum Assign { BY_MAC, BY_DUID }

    public ServerSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(assign, "assign");
        reservations = Map.copyOf(reservations);
        for (long iid : reservations.values())
            if (iid < 2 || iid >= InterfaceIds.RESERVED_BELOW) throw new IllegalArgumentException("reserved interface id ::" + Long.toHexString(iid) + " is not in ::2 to ::ffff");
        if (leaseTime.getSeconds() < 60 || leaseTime.getSeconds() > 7 * 86400) throw new IllegalArgumentException("lease time " + leaseTime.getSeconds() + " s is not in 60..604800");
        Objects.requireNonNull(bootUrl, "bootUrl");
        Objects.requireNonNull(serverDuid, "serverDuid");
        Objects.requireNonNull(delegate, "delegate");
        names = Map.copyOf(names);
        for (String name : names.values())
            if (!org.prefixd.api.HostName.valid(name) || name.endsWith(".")) throw new IllegalArgumentException("reserved name '" + name + "' is not a host name");
        if (delegate.isPresent() && (delegate.getAsInt() < 1 || delegate.getAsInt() > 64))
            throw new IllegalArgumentException("delegate /" + delegate.getAsInt() + " is not in /1../64");
    }

    /** The host name reserved for a client: by its DUID, else by its MAC. */
    public Optional<String> nameOf(Duid client, Optional<MacAddress> mac) {
        String byDuid = names.get(client.bytes().hex());
        if (byDuid != null) return Optional.of(byDuid);
        return mac.map(m -> names.get(m.text()));
    }
}
