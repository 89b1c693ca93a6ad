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
 * @param links the WAN links whose events run it; empty: every link
 */
public record Hook(String id, Path script, HookStyle style, Set<HookEvent.Kind> events, Set<InterfaceName> links, Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public Hook {
        Objects.requireNonNull(id, "id");
        if (!script.isAbsolute()) throw new IllegalArgumentException("script " + script + ": not an absolute path");
        Objects.requireNonNull(style, "style");
        events = Set.copyOf(events);
        links = Set.copyOf(links);
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout: must be at least one second");
    }

    public boolean runsFor(HookEvent event) {
        return events.contains(event.kind()) && (links.isEmpty() || links.contains(event.link()));
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
        for (String e : events) {
            if (e.isBlank()) continue;
            try {
                kinds.add(HookEvent.Kind.valueOf(e.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException("events: " + e + " is not one of bound, resumed, renewed, rebound, updated, expired, released, informed");
            }
        }
        if (kinds.isEmpty()) kinds = EnumSet.allOf(HookEvent.Kind.class);
        Set<InterfaceName> names = new java.util.HashSet<>();
        for (String l : links) {
            if (l.isBlank()) continue;
            String problem = InterfaceName.problemWith(l.trim());
            if (problem != null) throw new IllegalArgumentException("links: " + problem);
            names.add(InterfaceName.of(l.trim()));
        }
        if (timeoutSeconds < 1) throw new IllegalArgumentException("timeout: " + timeoutSeconds + " s, must be at least 1");
        return new Hook(id, path, HookStyle.of(style), kinds, names, Duration.ofSeconds(timeoutSeconds));
    }
}
