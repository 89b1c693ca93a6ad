package org.prefixd.fleet;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import org.prefixd.api.InterfaceName;

/**
 * Reads a command: a JSON object with the request's {@code id} (where the answer goes) and the
 * command's arguments. Strict: a payload over {@link FleetCommand#MAX_BYTES}, bad JSON, an unknown
 * command, a missing or malformed argument is refused with the reason, and nothing runs.
 */
public final class CommandReader {
    private CommandReader() {
    }

    static final JsonProvider JSON = new org.eclipse.parsson.JsonProviderImpl();

    public static FleetCommand.Parsed parse(String name, byte[] payload) {
        if (payload.length > FleetCommand.MAX_BYTES) return refused(null, "a payload of " + payload.length + " bytes (at most " + FleetCommand.MAX_BYTES + ")");
        JsonObject o;
        try {
            JsonValue v = JSON.createReader(new StringReader(new String(payload, StandardCharsets.UTF_8))).readValue();
            if (!(v instanceof JsonObject obj)) return refused(null, "not a JSON object");
            o = obj;
        } catch (JsonException | IllegalStateException e) {
            return refused(null, "not JSON: " + org.prefixd.api.SafeText.printable(e.getMessage()));
        }
        String id = o.get("id") instanceof jakarta.json.JsonString s && s.getString().matches("[A-Za-z0-9._-]{1,64}") ? s.getString() : null;
        if (id == null) return refused(null, "no request id (\"id\": letters, digits, '.', '_', '-', at most 64)");
        try {
            FleetCommand c = switch (name) {
                case "renew" -> new FleetCommand.Renew(id, link(o));
                case "release" -> new FleetCommand.Release(id, link(o));
                case "reload" -> new FleetCommand.Reload(id);
                case "config-get" -> new FleetCommand.ConfigGet(id, pid(o));
                case "config-set" -> new FleetCommand.ConfigSet(id, pid(o), properties(o));
                default -> throw new IllegalArgumentException("no command " + org.prefixd.api.SafeText.printable(name)
                        + " (renew, release, reload, config-get, config-set)");
            };
            return new FleetCommand.Parsed(java.util.Optional.of(c), java.util.Optional.empty());
        } catch (IllegalArgumentException | ClassCastException e) {
            return refused(id, e.getMessage());
        }
    }

    private static FleetCommand.Parsed refused(String id, String why) {
        return new FleetCommand.Parsed(java.util.Optional.empty(), java.util.Optional.of(new FleetCommand.Refused(java.util.Optional.ofNullable(id), why)));
    }

    private static InterfaceName link(JsonObject o) {
        if (!(o.get("link") instanceof jakarta.json.JsonString s)) throw new IllegalArgumentException("no \"link\"");
        String problem = InterfaceName.problemWith(s.getString());
        if (problem != null) throw new IllegalArgumentException("link: " + problem);
        return InterfaceName.of(s.getString());
    }

    /** A prefixd configuration: prefixd.x or a factory one, prefixd.x~name, as the configuration directory names them. */
    private static String pid(JsonObject o) {
        if (!(o.get("pid") instanceof jakarta.json.JsonString s) || !s.getString().matches("prefixd\\.[a-z0-9]+(~[A-Za-z0-9_.-]{1,32})?"))
            throw new IllegalArgumentException("\"pid\" is not a prefixd configuration (prefixd.lan~lan0, prefixd.radvd)");
        return s.getString();
    }

    private static Map<String, String> properties(JsonObject o) {
        if (!(o.get("properties") instanceof JsonObject p)) throw new IllegalArgumentException("no \"properties\" object");
        Map<String, String> out = new LinkedHashMap<>();
        for (var e : p.entrySet()) {
            if (!e.getKey().matches("[a-z][a-z0-9.]{0,63}")) throw new IllegalArgumentException("property name " + org.prefixd.api.SafeText.printable(e.getKey()));
            String value = switch (e.getValue().getValueType()) {
                case STRING -> ((jakarta.json.JsonString) e.getValue()).getString();
                case NUMBER, TRUE, FALSE -> e.getValue().toString();
                default -> throw new IllegalArgumentException("property " + e.getKey() + ": only text, numbers and true/false");
            };
            if (value.length() > 1024 || value.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f))
                throw new IllegalArgumentException("property " + e.getKey() + ": a value with control characters or over 1024 characters");
            out.put(e.getKey(), value);
        }
        return out;
    }
}
