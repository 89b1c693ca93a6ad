package org.prefixd.hooks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.prefixd.api.InterfaceName;

/**
 * One configured script: which events of which links run it, in which style, for how long at most.
 *
 * @param events the events that run it; all when the configuration names none
 * @param events4 the IPv4 lease events (DHCPv4 over DHCPv6) that run it: only those the configuration names
 * @param eventsLan the LAN clients' lease events (the LAN's DHCPv6 server) that run it: only those named, prefixd style only
 * @param links the WAN links whose events run it; empty: every link
 */
public record Hook(String id, Path script, HookStyle style, Set<HookEvent.Kind> events, Set<Hook4Event.Kind> events4,
                   Set<HookLanEvent.Kind> eventsLan, Set<InterfaceName> links, Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public Hook {
        Objects.requireNonNull(id, "id");
        if (!script.isAbsolute()) throw new IllegalArgumentException("script " + script + ": not an absolute path");
        Objects.requireNonNull(style, "style");
        events = Set.copyOf(events);
        events4 = Set.copyOf(events4);
        if (!events4.isEmpty() && !style.hasIpv4())
            throw new IllegalArgumentException("events: the " + style.label() + " style has no IPv4 names (WIDE dhcp6c has no DHCPv4; OPNsense runs dhclient for it): use style dhclient for ipv4 events");
        eventsLan = Set.copyOf(eventsLan);
        if (!eventsLan.isEmpty() && style != HookStyle.PREFIXD)
            throw new IllegalArgumentException("events: LAN lease events have names in the prefixd style only (" + style.label() + " has none)");
        links = Set.copyOf(links);
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout: must be at least one second");
    }

    public boolean runsFor(HookEvent event) {
        return events.contains(event.kind()) && (links.isEmpty() || links.contains(event.link()));
    }

    public boolean runsFor(Hook4Event event) {
        return events4.contains(event.kind()) && (links.isEmpty() || links.contains(event.link()));
    }

    /** {@code links} names LANs here. */
    public boolean runsFor(HookLanEvent event) {
        return eventsLan.contains(event.kind()) && (links.isEmpty() || links.contains(event.lan()));
    }

    /** @throws IllegalArgumentException naming the property and the value at fault */
    public static Hook of(String id, String script, String style, List<String> events, List<String> links, int timeoutSeconds) {
        if (script == null || script.isBlank()) throw new IllegalArgumentException("script: missing");
        Path path;
        try {
            path = Path.of(script.trim());
        } catch (java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException("script " + script + ": " + e.getMessage());
        }
        Set<HookEvent.Kind> kinds = EnumSet.noneOf(HookEvent.Kind.class);
        Set<Hook4Event.Kind> kinds4 = EnumSet.noneOf(Hook4Event.Kind.class);
        Set<HookLanEvent.Kind> kindsLan = EnumSet.noneOf(HookLanEvent.Kind.class);
        boolean named = false;
        for (String e : events) {
            if (e.isBlank()) continue;
            named = true;
            String name = e.trim().toLowerCase(Locale.ROOT);
            try {
                if (name.equals("lan")) kindsLan.addAll(EnumSet.allOf(HookLanEvent.Kind.class));
                else if (name.startsWith("lan.")) kindsLan.add(HookLanEvent.Kind.valueOf(name.substring(4).toUpperCase(Locale.ROOT)));
                else if (name.equals("ipv4")) kinds4.addAll(EnumSet.allOf(Hook4Event.Kind.class));
                else if (name.startsWith("ipv4.")) kinds4.add(Hook4Event.Kind.valueOf(name.substring(5).toUpperCase(Locale.ROOT)));
                else kinds.add(HookEvent.Kind.valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException("events: " + e + " is not one of bound, resumed, renewed, rebound, updated, expired, released, informed,"
                        + " ipv4 (all of the IPv4 lease's) or ipv4.bound, ipv4.resumed, ipv4.renewed, ipv4.rebound, ipv4.expired, ipv4.released, ipv4.declined,"
                        + " lan (all of the LAN clients') or lan.bound, lan.renewed, lan.released, lan.expired, lan.declined");
            }
        }
        // None named: every DHCPv6 event; the IPv4 lease's only when named (a DHCPv6 script would not expect them)
        if (!named) kinds = EnumSet.allOf(HookEvent.Kind.class);
        Set<InterfaceName> names = new java.util.HashSet<>();
        for (String l : links) {
            if (l.isBlank()) continue;
            String problem = InterfaceName.problemWith(l.trim());
            if (problem != null) throw new IllegalArgumentException("links: " + problem);
            names.add(InterfaceName.of(l.trim()));
        }
        if (timeoutSeconds < 1) throw new IllegalArgumentException("timeout: " + timeoutSeconds + " s, must be at least 1");
        return new Hook(id, path, HookStyle.of(style), kinds, kinds4, kindsLan, names, Duration.ofSeconds(timeoutSeconds));
    }
}
