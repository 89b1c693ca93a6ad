package org.prefixd.dhcp6.client;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One identity association the server granted: its type and IAID, when to renew (T1) and
 * rebind (T2), and its addresses (IA_NA) or prefixes (IA_PD), all in absolute time.
 */
public record IaBinding(Type type, long iaid, Instant renewAt, Instant rebindAt, List<LeasedAddress> addresses,
                        List<LeasedPrefix> prefixes) {
    public enum Type { NA, PD }

    public IaBinding {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(renewAt, "renewAt");
        Objects.requireNonNull(rebindAt, "rebindAt");
        addresses = List.copyOf(addresses);
        prefixes = List.copyOf(prefixes);
        if (type == Type.NA && !prefixes.isEmpty()) throw new IllegalArgumentException("an IA_NA holds no prefixes");
        if (type == Type.PD && !addresses.isEmpty()) throw new IllegalArgumentException("an IA_PD holds no addresses");
    }

    /** When the last of its addresses or prefixes stops being valid. */
    public Instant validUntil() {
        Instant last = Instant.MIN;
        for (LeasedAddress a : addresses) if (a.validUntil().isAfter(last)) last = a.validUntil();
        for (LeasedPrefix p : prefixes) if (p.validUntil().isAfter(last)) last = p.validUntil();
        return last;
    }

    public boolean isEmpty() {
        return addresses.isEmpty() && prefixes.isEmpty();
    }
}
