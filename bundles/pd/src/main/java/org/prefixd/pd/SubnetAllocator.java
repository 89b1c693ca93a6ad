package org.prefixd.pd;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.prefixd.api.InterfaceName;
import org.prefixd.api.Prefix;
import org.prefixd.api.PrefixSpace;

/**
 * Splits one delegated prefix over the LANs, deterministically: the same prefix, LANs and
 * earlier assignments always give the same subnets, whatever order the LANs come in. Earlier
 * assignments stay as long as they still fit (so a LAN whose configuration did not change keeps
 * its subnet, also when a new LAN's hint points at it); then hinted LANs get their hint when it
 * is free; then the others, larger subnets first, each the lowest free one. A LAN that does not
 * fit gets the reason, and the others are not affected. A prefix the server excludes (RFC 6603),
 * and what the LAN servers delegated to downstream routers, count as taken from the start: no LAN gets a subnet overlapping it. Pure: no clock, no I/O.
 */
public final class SubnetAllocator {
    /** What one LAN gets of the delegated prefix. */
    public sealed interface Outcome {
        /** @param note why it is not the subnet the LAN had or hinted at (the server excludes that one) */
        record Assigned(Prefix subnet, Optional<String> note) implements Outcome {
            public Assigned {
                java.util.Objects.requireNonNull(subnet, "subnet");
                java.util.Objects.requireNonNull(note, "note");
            }

            public Assigned(Prefix subnet) {
                this(subnet, Optional.empty());
            }
        }

        record NoSpace(String why) implements Outcome {
        }
    }

    private SubnetAllocator() {
    }

    /**
     * @param previous the subnets these LANs had of this delegated prefix before (from the store)
     * @return an outcome for every LAN, in LAN name order
     */
    public static Map<InterfaceName, Outcome> assign(Prefix delegated, List<LanRequest> lans, Map<InterfaceName, Prefix> previous) {
        return assign(delegated, Optional.empty(), lans, previous);
    }

    /**
     * @param excluded what the server excludes from the delegated prefix (RFC 6603): never given
     * @param previous the subnets these LANs had of this delegated prefix before (from the store)
     * @return an outcome for every LAN, in LAN name order
     */
    public static Map<InterfaceName, Outcome> assign(Prefix delegated, Optional<Prefix> excluded, List<LanRequest> lans,
                                                     Map<InterfaceName, Prefix> previous) {
        return assign(delegated, excluded, List.of(), lans, previous);
    }

    /**
     * @param downstream what the LAN servers delegated of it to routers on the LANs: taken, like the excluded prefix
     */
    public static Map<InterfaceName, Outcome> assign(Prefix delegated, Optional<Prefix> excluded, List<Prefix> downstream, List<LanRequest> lans,
                                                     Map<InterfaceName, Prefix> previous) {
        if (delegated.length() < 1 || delegated.length() > 64) throw new IllegalArgumentException("a delegated " + delegated + " cannot be split into LANs");
        List<LanRequest> byName = new ArrayList<>(lans);
        byName.sort(Comparator.comparing(r -> r.lan().value()));
        Map<InterfaceName, Outcome> out = new LinkedHashMap<>();
        for (LanRequest r : byName) out.put(r.lan(), null);
        List<Prefix> taken = new ArrayList<>();
        if (excluded.isPresent()) taken.add(excluded.get());
        taken.addAll(downstream);
        Map<InterfaceName, String> notes = new LinkedHashMap<>();
        List<LanRequest> open = new ArrayList<>();
        for (LanRequest r : byName) {
            if (r.length() < delegated.length()) {
                out.put(r.lan(), new Outcome.NoSpace("a /" + r.length() + " does not fit in the delegated " + delegated));
                continue;
            }
            Prefix before = previous.get(r.lan());
            boolean keep = before != null && before.length() == r.length() && delegated.contains(before) && PrefixSpace.free(before, taken)
                    && (r.hint().isEmpty() || index(delegated, before) == masked(delegated, r));
            if (keep) {
                out.put(r.lan(), new Outcome.Assigned(before));
                taken.add(before);
            } else {
                if (before != null && excluded.isPresent() && before.overlaps(excluded.get()))
                    notes.put(r.lan(), "its " + before + " is now excluded by the server (RFC 6603)");
                open.add(r);
            }
        }
        List<LanRequest> rest = new ArrayList<>();
        for (LanRequest r : open) {
            if (r.hint().isEmpty()) { rest.add(r); continue; }
            Prefix wanted = subnet(delegated, r.length(), masked(delegated, r));
            if (PrefixSpace.free(wanted, taken)) {
                out.put(r.lan(), new Outcome.Assigned(wanted));
                taken.add(wanted);
            } else {
                if (excluded.isPresent() && wanted.overlaps(excluded.get()))
                    notes.put(r.lan(), "hint " + Long.toHexString(r.hint().getAsLong()) + " asks for " + wanted + ", which the server excludes (RFC 6603)");
                rest.add(r);
            }
        }
        rest.sort(Comparator.comparingInt(LanRequest::length).thenComparing(r -> r.lan().value()));
        for (LanRequest r : rest) {
            Optional<Prefix> found = PrefixSpace.lowestFree(delegated, r.length(), taken);
            String note = notes.get(r.lan());
            if (found.isPresent()) {
                out.put(r.lan(), new Outcome.Assigned(found.get(), note == null ? Optional.empty() : Optional.of(note + ": given " + found.get())));
                taken.add(found.get());
            } else {
                String why = "no free /" + r.length() + " left in " + delegated;
                if (excluded.isPresent()) why += " (" + excluded.get() + " is excluded by the server)";
                out.put(r.lan(), new Outcome.NoSpace(note == null ? why : note + "; " + why));
            }
        }
        return out;
    }

    private static long masked(Prefix delegated, LanRequest r) {
        int bits = r.length() - delegated.length();
        return bits == 64 ? r.hint().getAsLong() : r.hint().getAsLong() & ((1L << bits) - 1);
    }

    /** The number of {@code subnet} among the subnets of its length in {@code delegated}. */
    static long index(Prefix delegated, Prefix subnet) {
        return PrefixSpace.index(delegated, subnet);
    }

    /** Subnet number {@code i} of the given length in {@code delegated}. */
    static Prefix subnet(Prefix delegated, int length, long i) {
        return PrefixSpace.subnet(delegated, length, i);
    }
}
