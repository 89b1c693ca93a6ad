package org.prefixd.daemon.osgi;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.Locale;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;

/**
 * Prints the OSGi log to stderr, one line per entry, for the journal or syslog of whoever
 * started prefixd. Level from the framework property prefixd.log.level (error, warn, info, debug;
 * default info).
 */
@Component(immediate = true, service = {})
public final class LogPrinterComponent implements LogListener {
    /** The time of the last entry printed, kept in the JVM so that it outlives a bundle update. */
    private static final String PRINTED_UNTIL = "prefixd.log.printed.until";
    private final LogReaderService reader;
    private final LogLevel threshold;
    private final PrintStream out = System.err;
    private final Set<LogEntry> replayed = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    @Activate
    public LogPrinterComponent(BundleContext context, @Reference LogReaderService reader) {
        this.reader = reader;
        this.threshold = level(context.getProperty("prefixd.log.level"));
        // Felix Log delivers to listeners asynchronously: an entry of the history may also still be
        // on its way to the listener, so the listener skips what the replay printed.
        reader.addLogListener(this);
        // What was logged while no printer was active (before the first start, or while this
        // bundle was being updated) is in Felix Log's short history: print the part not printed yet.
        long printedUntil = Long.getLong(PRINTED_UNTIL, Long.MIN_VALUE);
        List<LogEntry> earlier = Collections.list(reader.getLog());
        Collections.reverse(earlier);
        for (LogEntry entry : earlier) {
            if (entry.getTime() <= printedUntil) continue;
            replayed.add(entry);
            print(entry);
        }
    }

    @Deactivate
    void deactivate() {
        reader.removeLogListener(this);
    }

    @Override
    public void logged(LogEntry entry) {
        if (replayed.remove(entry)) return;
        print(entry);
    }

    private void print(LogEntry entry) {
        if (!threshold.implies(entry.getLogLevel())) return;
        // Felix Log also records every bundle and service event ("Events.Bundle", ...): noise here.
        if (entry.getLoggerName() != null && entry.getLoggerName().startsWith("Events.")) return;
        String source = entry.getBundle() == null ? "framework" : entry.getBundle().getSymbolicName();
        StringBuilder line = new StringBuilder(160)
                .append(Instant.ofEpochMilli(entry.getTime())).append(' ')
                .append(String.format("%-5s", entry.getLogLevel().name())).append(' ')
                .append(source).append(": ").append(entry.getMessage());
        if (entry.getException() != null) line.append(" (").append(entry.getException()).append(')');
        synchronized (out) {
            out.println(line);
            System.setProperty(PRINTED_UNTIL, Long.toString(entry.getTime()));
        }
    }

    private static LogLevel level(String name) {
        if (name == null || name.isBlank()) return LogLevel.INFO;
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "error" -> LogLevel.ERROR;
            case "warn", "warning" -> LogLevel.WARN;
            case "debug" -> LogLevel.DEBUG;
            case "trace" -> LogLevel.TRACE;
            default -> LogLevel.INFO;
        };
    }
}
