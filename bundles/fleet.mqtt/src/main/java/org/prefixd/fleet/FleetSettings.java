package org.prefixd.fleet;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * prefixd.fleet, checked: every broker URI parses and is ssl:// or tcp://, the topic levels are
 * valid, TLS files are given as a pair, values within their ranges, the brokers all TLS or all
 * not. Commands are taken only over TLS.
 */
public record FleetSettings(List<String> brokers, Optional<String> routerId, String topicPrefix, Optional<Path> caFile,
                            Optional<Path> certFile, Optional<Path> keyFile, Optional<String> username, Optional<char[]> password,
                            Duration keepAlive, int backlog, Duration stateInterval) {

    /** @throws IllegalArgumentException with what is wrong, as "prefixd.fleet: name: why" */
    public static FleetSettings of(String[] brokers, String routerId, String topicPrefix, String ca, String cert, String key, String username,
                                   String password, int keepAliveSeconds, int backlog, int stateIntervalMillis) {
        List<String> uris = new ArrayList<>();
        for (String b : brokers == null ? new String[0] : brokers) {
            if (b == null || b.isBlank()) continue;
            String uri = b.strip();
            try {
                URI parsed = new URI(uri);
                if (!"ssl".equals(parsed.getScheme()) && !"tcp".equals(parsed.getScheme()))
                    throw new IllegalArgumentException("prefixd.fleet: brokers: " + uri + ": ssl://host:port or tcp://host:port");
                if (parsed.getHost() == null || parsed.getPort() < 1) throw new IllegalArgumentException("prefixd.fleet: brokers: " + uri + ": no host and port");
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("prefixd.fleet: brokers: " + uri + ": " + e.getReason());
            }
            uris.add(uri);
        }
        if (uris.isEmpty()) throw new IllegalArgumentException("prefixd.fleet: brokers: none given");
        if (uris.stream().map(u -> u.startsWith("ssl://")).distinct().count() > 1)
            throw new IllegalArgumentException("prefixd.fleet: brokers: all ssl:// or all tcp://, not both");
        Optional<String> id = blank(routerId);
        String prefix = topicPrefix == null || topicPrefix.isBlank() ? "prefixd" : topicPrefix.strip();
        try {
            new FleetTopics(prefix, id.orElse("r0"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("prefixd.fleet: " + e.getMessage());
        }
        Optional<Path> certFile = blank(cert).map(Path::of), keyFile = blank(key).map(Path::of);
        if (certFile.isPresent() != keyFile.isPresent()) throw new IllegalArgumentException("prefixd.fleet: tls.cert and tls.key come together");
        if (blank(username).isEmpty() && blank(password).isPresent()) throw new IllegalArgumentException("prefixd.fleet: a password without a username");
        return new FleetSettings(List.copyOf(uris), id, prefix, blank(ca).map(Path::of), certFile, keyFile, blank(username),
                blank(password).map(String::toCharArray), Duration.ofSeconds(within("keepalive", keepAliveSeconds, 5, 3600)),
                within("backlog", backlog, 16, 100_000), Duration.ofMillis(within("state.interval", stateIntervalMillis, 50, 60_000)));
    }

    /** Commands only over TLS: a command is never taken from a connection anyone on the path could forge. */
    public boolean takesCommands() {
        return tls();
    }

    public boolean tls() {
        return brokers.get(0).startsWith("ssl://");
    }

    private static int within(String name, int value, int min, int max) {
        if (value < min || value > max) throw new IllegalArgumentException("prefixd.fleet: " + name + ": " + value + " is outside " + min + ".." + max);
        return value;
    }

    private static Optional<String> blank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }
}
