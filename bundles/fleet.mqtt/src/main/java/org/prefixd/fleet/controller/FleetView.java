package org.prefixd.fleet.controller;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

/**
 * What a controller knows of the fleet from {@code <prefix>/+/state}, {@code …/online} and
 * {@code …/events}: per router, its online flag, its last state and its last event. Pure: fed
 * the messages, told the time.
 */
public final class FleetView {
    static final JsonProvider JSON = new org.eclipse.parsson.JsonProviderImpl();

    private static final class Router {
        Optional<Boolean> online = Optional.empty();
        Optional<JsonObject> state = Optional.empty();
        Optional<JsonObject> lastEvent = Optional.empty();
    }

    private final String prefix;
    private final Map<String, Router> routers = new TreeMap<>();

    public FleetView(String prefix) {
        this.prefix = prefix;
    }

    /** A message; anything that is not a router's state, online flag or event (or is not JSON) is ignored. */
    public void message(String topic, byte[] payload) {
        if (!topic.startsWith(prefix + "/")) return;
        String[] rest = topic.substring(prefix.length() + 1).split("/");
        if (rest.length != 2) return;
        String text = new String(payload, StandardCharsets.UTF_8).strip();
        switch (rest[1]) {
            case "online" -> router(rest[0]).online = Optional.of("true".equals(text));
            case "state" -> object(text).ifPresent(o -> router(rest[0]).state = Optional.of(o));
            case "events" -> object(text).ifPresent(o -> router(rest[0]).lastEvent = Optional.of(o));
            default -> { }
        }
    }

    private Router router(String id) {
        return routers.computeIfAbsent(id, k -> new Router());
    }

    private static Optional<JsonObject> object(String text) {
        try {
            JsonValue v = JSON.createReader(new StringReader(text)).readValue();
            return v instanceof JsonObject o ? Optional.of(o) : Optional.empty();
        } catch (JsonException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    public int size() {
        return routers.size();
    }

    /** One line per router: id, online, each WAN link's state and delegated prefixes with their remaining valid lifetime, the last event. */
    public String text(Instant now) {
        StringBuilder out = new StringBuilder();
        if (routers.isEmpty()) out.append("no routers on this broker under ").append(prefix).append("/\n");
        for (var e : routers.entrySet()) {
            Router r = e.getValue();
            StringBuilder line = new StringBuilder();
            line.append(String.format("%-20s %-8s", e.getKey(), r.online.map(b -> b ? "online" : "offline").orElse("?")));
            r.state.ifPresent(s -> {
                for (JsonValue v : s.getJsonArray("sessions")) {
                    JsonObject session = v.asJsonObject();
                    line.append("  ").append(session.getString("link", "?")).append(' ').append(session.getString("state", "?"));
                    for (JsonValue p : session.getJsonArray("prefixes")) {
                        JsonObject prefix = p.asJsonObject();
                        line.append(' ').append(prefix.getString("prefix", "?")).append(" (valid ").append(left(prefix.getString("validUntil", ""), now)).append(')');
                    }
                }
            });
            r.lastEvent.ifPresent(ev -> line.append("  last ").append(ev.getString("topic", "?")).append(' ').append(ev.getString("time", "")));
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** {"routers":[{"id":..,"online":..,"state":{..},"lastEvent":{..}}]} */
    public JsonObject json() {
        JsonArrayBuilder list = JSON.createArrayBuilder();
        for (var e : routers.entrySet()) {
            JsonObjectBuilder o = JSON.createObjectBuilder().add("id", e.getKey());
            e.getValue().online.ifPresentOrElse(b -> o.add("online", b), () -> o.addNull("online"));
            e.getValue().state.ifPresent(s -> o.add("state", s));
            e.getValue().lastEvent.ifPresent(ev -> o.add("lastEvent", ev));
            list.add(o);
        }
        return JSON.createObjectBuilder().add("routers", list).build();
    }

    private static String left(String until, Instant now) {
        try {
            long s = Math.max(0, Duration.between(now, Instant.parse(until)).getSeconds());
            return s < 120 ? s + " s" : s < 7200 ? s / 60 + " min" : s / 3600 + " h";
        } catch (java.time.format.DateTimeParseException e) {
            return "?";
        }
    }
}
