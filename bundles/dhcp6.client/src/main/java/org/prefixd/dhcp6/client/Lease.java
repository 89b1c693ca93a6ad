package org.prefixd.dhcp6.client;

import java.net.Inet6Address;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.prefixd.dhcp6.codec.DomainName;
import org.prefixd.dhcp6.codec.Duid;

/**
 * What the client holds from its server: the IAs with their addresses and prefixes in
 * absolute time, and the server's information. Immutable: every change makes a new lease.
 */
public record Lease(Duid server, List<IaBinding> ias, ServerInformation information, Optional<ReconfigureKey> reconfigureKey) {
    public Lease {
        Objects.requireNonNull(server, "server");
        ias = List.copyOf(ias);
        Objects.requireNonNull(information, "information");
        Objects.requireNonNull(reconfigureKey, "reconfigureKey");
    }

    public List<Inet6Address> dnsServers() {
        return information.dnsServers();
    }

    public List<DomainName> domains() {
        return information.domains();
    }

    /** A first lease from a Reply to a Request (or a rapid-commit Solicit). */
    public static Lease from(ServerReply reply, Instant now) {
        return new Lease(reply.server(), List.of(), ServerInformation.NONE, Optional.empty()).merge(reply, now);
    }

    /** T1: the earliest renewal time of its IAs. */
    public Instant renewAt() {
        return ias.stream().map(IaBinding::renewAt).min(Instant::compareTo).orElse(LeaseTimes.FOREVER);
    }

    /** T2: the earliest rebind time of its IAs. */
    public Instant rebindAt() {
        return ias.stream().map(IaBinding::rebindAt).min(Instant::compareTo).orElse(LeaseTimes.FOREVER);
    }

    /** When the last address or prefix stops being valid: after that there is no lease. */
    public Instant validUntil() {
        return ias.stream().map(IaBinding::validUntil).max(Instant::compareTo).orElse(Instant.MIN);
    }

    /** When the next address or prefix stops being valid. */
    public Instant nextExpiry() {
        Instant next = LeaseTimes.FOREVER;
        for (IaBinding ia : ias) {
            for (LeasedAddress a : ia.addresses()) if (a.validUntil().isBefore(next)) next = a.validUntil();
            for (LeasedPrefix p : ia.prefixes()) if (p.validUntil().isBefore(next)) next = p.validUntil();
        }
        return next;
    }

    // Plain loops here: on a lease's path, where a lambda's first call costs a bootstrap.
    public boolean isEmpty() {
        for (IaBinding ia : ias) if (!ia.isEmpty()) return false;
        return true;
    }

    public List<LeasedPrefix> prefixes() {
        List<LeasedPrefix> all = new java.util.ArrayList<>();
        for (IaBinding ia : ias) all.addAll(ia.prefixes());
        return List.copyOf(all);
    }

    public List<LeasedAddress> addresses() {
        List<LeasedAddress> all = new java.util.ArrayList<>();
        for (IaBinding ia : ias) all.addAll(ia.addresses());
        return List.copyOf(all);
    }

    /**
     * RFC 8415 §18.2.10.1: per IA in the reply, new leases are added, known ones get their new
     * lifetimes, those with a valid lifetime of 0 are discarded, and the ones the server did not
     * mention are left as they are; T1 and T2 come from the reply. IAs the reply does not
     * mention are left as they are. The server's information is replaced.
     */
    public Lease merge(ServerReply reply, Instant now) {
        Map<String, IaBinding> byKey = new LinkedHashMap<>();
        for (IaBinding ia : ias) byKey.put(key(ia), ia);
        for (IaBinding fresh : reply.bound()) {
            IaBinding old = byKey.get(key(fresh));
            Map<String, LeasedAddress> addresses = new LinkedHashMap<>();
            Map<String, LeasedPrefix> prefixes = new LinkedHashMap<>();
            if (old != null) {
                for (LeasedAddress a : old.addresses()) addresses.put(a.address().getHostAddress(), a);
                for (LeasedPrefix p : old.prefixes()) prefixes.put(p.prefix().getHostAddress() + "/" + p.length(), p);
            }
            for (LeasedAddress a : fresh.addresses()) addresses.put(a.address().getHostAddress(), a);
            for (LeasedPrefix p : fresh.prefixes()) prefixes.put(p.prefix().getHostAddress() + "/" + p.length(), p);
            byKey.put(key(fresh), new IaBinding(fresh.type(), fresh.iaid(), fresh.renewAt(), fresh.rebindAt(),
                    new ArrayList<>(addresses.values()), new ArrayList<>(prefixes.values())));
        }
        // A new Reconfigure key replaces the old; without one, the key of the same server stays.
        Optional<ReconfigureKey> key = reply.reconfigureKey().or(() -> reply.server().equals(server) ? reconfigureKey : Optional.empty());
        Lease merged = new Lease(reply.server(), new ArrayList<>(byKey.values()), reply.information(), key);
        return merged.withoutExpired(now);
    }

    /** The lease without the addresses and prefixes whose valid lifetime has ended, and without empty IAs. */
    public Lease withoutExpired(Instant now) {
        List<IaBinding> kept = new ArrayList<>();
        for (IaBinding ia : ias) {
            List<LeasedAddress> addresses = ia.addresses().stream().filter(a -> a.validUntil().isAfter(now)).toList();
            List<LeasedPrefix> prefixes = ia.prefixes().stream().filter(p -> p.validUntil().isAfter(now)).toList();
            if (!addresses.isEmpty() || !prefixes.isEmpty())
                kept.add(new IaBinding(ia.type(), ia.iaid(), ia.renewAt(), ia.rebindAt(), addresses, prefixes));
        }
        return kept.equals(ias) ? this : new Lease(server, kept, information, reconfigureKey);
    }

    /** The lease without this address (declined: RFC 8415 §18.2.8), and without an IA left empty by that. */
    public Lease withoutAddress(Inet6Address address) {
        List<IaBinding> kept = new ArrayList<>();
        for (IaBinding ia : ias) {
            List<LeasedAddress> addresses = ia.addresses().stream().filter(a -> !a.address().equals(address)).toList();
            if (!addresses.isEmpty() || !ia.prefixes().isEmpty())
                kept.add(new IaBinding(ia.type(), ia.iaid(), ia.renewAt(), ia.rebindAt(), addresses, ia.prefixes()));
        }
        return new Lease(server, kept, information, reconfigureKey);
    }

    /** After an accepted Reconfigure: its replay detection value is the one to beat. */
    public Lease withReplay(long replay) {
        return new Lease(server, ias, information, reconfigureKey.map(k -> k.withReplay(replay)));
    }

    private static String key(IaBinding ia) {
        return ia.type() + " " + ia.iaid();
    }
}
