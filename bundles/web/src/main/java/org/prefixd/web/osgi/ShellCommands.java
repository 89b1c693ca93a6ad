package org.prefixd.web.osgi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.prefixd.api.LanPrefix;
import org.prefixd.api.LinkStatus;
import org.prefixd.api.SessionStatus;
import org.prefixd.web.EventJournal;

/**
 * Gogo commands of the console profile: prefixd:status, prefixd:renew, prefixd:release,
 * prefixd:reload, prefixd:events. The same state and actions as the page.
 */
@Component(service = ShellCommands.class, property = {"osgi.command.scope=prefixd",
        "osgi.command.function=status", "osgi.command.function=renew", "osgi.command.function=release",
        "osgi.command.function=reload", "osgi.command.function=events"})
public final class ShellCommands {
    private final WebState state;

    @Activate
    public ShellCommands(@Reference WebState state) {
        this.state = state;
    }

    public String status() {
        Instant now = Instant.now();
        StringBuilder out = new StringBuilder();
        for (LinkStatus l : state.links())
            out.append("link ").append(l.name()).append(' ').append(l.state()).append(" (").append(l.reason()).append(")\n");
        for (SessionStatus s : state.sessions()) {
            out.append("dhcp6 ").append(s.link()).append(' ').append(s.state()).append('\n');
            for (SessionStatus.Leased a : s.addresses()) out.append("  address ").append(a.value()).append(lifetimes(now, a.preferredUntil(), a.validUntil())).append('\n');
            for (SessionStatus.Leased p : s.prefixes())
                out.append("  prefix  ").append(p.value()).append(lifetimes(now, p.preferredUntil(), p.validUntil()))
                        .append(p.excluded().isPresent() ? ", excluded " + p.excluded().get() : "").append('\n');
            s.ipv4().ifPresent(v4 -> out.append("  ipv4    ").append(v4.state())
                    .append(v4.lease().map(l -> " " + l.cidr() + " valid " + left(now, l.validUntil())).orElse("")).append('\n'));
        }
        for (LanPrefix p : state.lanPrefixes())
            out.append("lan ").append(p.lan()).append(' ').append(p.subnet()).append(" from ").append(p.from().prefix())
                    .append(lifetimes(now, p.preferredUntil(), p.validUntil())).append(p.deprecated() ? " deprecated" : "").append('\n');
        return out.length() == 0 ? "nothing configured" : out.toString().stripTrailing();
    }

    public String renew(String link) {
        return state.act("renew", link);
    }

    public String release(String link) {
        return state.act("release", link);
    }

    public String reload() {
        return state.reload().map(problems -> problems.isEmpty() ? "every configuration file applied" : String.join("\n", problems))
                .orElse("no configuration watcher running");
    }

    /** The last 20 events, one JSON object per line. */
    public String events() {
        return events(20);
    }

    public String events(int count) {
        return lines(state.journal().last(Math.max(1, count), Optional.empty()), "no events yet");
    }

    /** Events of one link: {@code events wan0}. */
    public String events(String link) {
        return lines(state.journal().last(20, Optional.of(link)), "no events of " + link + " yet");
    }

    private static String lines(List<EventJournal.Entry> entries, String none) {
        if (entries.isEmpty()) return none;
        StringBuilder out = new StringBuilder();
        for (EventJournal.Entry e : entries) out.append(e.json()).append('\n');
        return out.toString().stripTrailing();
    }

    private static String lifetimes(Instant now, Instant preferred, Instant valid) {
        return " preferred " + left(now, preferred) + " valid " + left(now, valid);
    }

    private static String left(Instant now, Instant until) {
        long s = Math.max(0, Duration.between(now, until).getSeconds());
        return s >= 0xffffffffL ? "forever" : s + "s";
    }
}
