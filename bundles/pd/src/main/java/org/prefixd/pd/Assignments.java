package org.prefixd.pd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.prefixd.api.InterfaceName;
import org.prefixd.api.Prefix;

/**
 * The subnets given out so far, per delegated prefix, most recent first, so that a prefix that
 * comes back (a renumbering back, a restart) gives every LAN the subnet it had. At most
 * {@link #KEPT} delegated prefixes are remembered. Immutable; as text one line per subnet,
 * {@code <delegated prefix> <lan> <subnet>}, read back strictly.
 */
public final class Assignments {
    public static final int KEPT = 16;
    public static final Assignments NONE = new Assignments(new LinkedHashMap<>());

    private final LinkedHashMap<Prefix, Map<InterfaceName, Prefix>> byDelegated;

    private Assignments(LinkedHashMap<Prefix, Map<InterfaceName, Prefix>> byDelegated) {
        this.byDelegated = byDelegated;
    }

    /** What the LANs had of this delegated prefix. */
    public Map<InterfaceName, Prefix> of(Prefix delegated) {
        return byDelegated.getOrDefault(delegated, Map.of());
    }

    /** With this delegated prefix's subnets replaced and it moved to the front; the oldest beyond {@link #KEPT} forgotten. */
    public Assignments with(Prefix delegated, Map<InterfaceName, Prefix> subnets) {
        Objects.requireNonNull(delegated, "delegated");
        for (Prefix s : subnets.values())
            if (!delegated.contains(s)) throw new IllegalArgumentException(s + " is not inside " + delegated);
        LinkedHashMap<Prefix, Map<InterfaceName, Prefix>> next = new LinkedHashMap<>();
        next.put(delegated, Map.copyOf(subnets));
        for (var e : byDelegated.entrySet()) {
            if (next.size() == KEPT) break;
            if (!e.getKey().equals(delegated)) next.put(e.getKey(), e.getValue());
        }
        return new Assignments(next);
    }

    public String toText() {
        StringBuilder out = new StringBuilder("# prefixd: subnets of delegated prefixes given to LANs, most recent first\n");
        for (var e : byDelegated.entrySet()) {
            List<InterfaceName> lans = new ArrayList<>(e.getValue().keySet());
            lans.sort((a, b) -> a.value().compareTo(b.value()));
            for (InterfaceName lan : lans) out.append(e.getKey()).append(' ').append(lan.value()).append(' ').append(e.getValue().get(lan)).append('\n');
        }
        return out.toString();
    }

    /** @throws IllegalArgumentException with the line number, for anything this class did not write */
    public static Assignments fromText(String text) {
        LinkedHashMap<Prefix, Map<InterfaceName, Prefix>> read = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] words = line.split(" ");
            try {
                if (words.length != 3) throw new IllegalArgumentException("expected <delegated> <lan> <subnet>");
                Prefix delegated = prefix(words[0]);
                Prefix subnet = prefix(words[2]);
                if (!delegated.contains(subnet)) throw new IllegalArgumentException(subnet + " is not inside " + delegated);
                Map<InterfaceName, Prefix> subnets = read.computeIfAbsent(delegated, d -> new LinkedHashMap<>());
                if (subnets.put(InterfaceName.of(words[1]), subnet) != null) throw new IllegalArgumentException("a second subnet for " + words[1]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (n + 1) + ": " + e.getMessage());
            }
        }
        if (read.size() > KEPT) throw new IllegalArgumentException("more than " + KEPT + " delegated prefixes");
        LinkedHashMap<Prefix, Map<InterfaceName, Prefix>> frozen = new LinkedHashMap<>();
        read.forEach((k, v) -> frozen.put(k, Map.copyOf(v)));
        return new Assignments(frozen);
    }

    /** As prefixd writes them: anything else in the file is damage. */
    private static Prefix prefix(String text) {
        Prefix p = Prefix.parse(text);
        if (!p.toString().equals(text)) throw new IllegalArgumentException(text + " is not written as " + p);
        return p;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Assignments a && a.byDelegated.equals(byDelegated) && List.copyOf(a.byDelegated.keySet()).equals(List.copyOf(byDelegated.keySet()));
    }

    @Override
    public int hashCode() {
        return byDelegated.hashCode();
    }
}
