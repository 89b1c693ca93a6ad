package org.prefixd.fleet;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.prefixd.api.ConfigFiles;
import org.prefixd.api.ConfigReload;
import org.prefixd.api.SessionControl;

/**
 * Runs a fleet command through the services {@code prefixd renew|release|reload} use, and the
 * configuration directory's files for config-get and config-set, and says how it went:
 * {@code {"id":..,"ok":true,"result":..}} or {@code {"id":..,"ok":false,"error":..}}.
 */
public final class CommandHandler {

    private final Supplier<List<SessionControl>> sessions;
    private final Supplier<Optional<ConfigReload>> reload;
    private final Supplier<Optional<ConfigFiles>> files;

    public CommandHandler(Supplier<List<SessionControl>> sessions, Supplier<Optional<ConfigReload>> reload, Supplier<Optional<ConfigFiles>> files) {
        this.sessions = sessions;
        this.reload = reload;
        this.files = files;
    }

    public JsonObject run(FleetCommand command) {
        try {
            if (command instanceof FleetCommand.Renew r) return session(r.requestId(), r.link().value(), s -> s.renew(r.link()));
            if (command instanceof FleetCommand.Release r) return session(r.requestId(), r.link().value(), s -> s.release(r.link()));
            if (command instanceof FleetCommand.Reload r) return reload(r.requestId());
            if (command instanceof FleetCommand.ConfigGet g) return configGet(g);
            return configSet((FleetCommand.ConfigSet) command); // sealed: the last kind
        } catch (RuntimeException e) { // a service's failure is the command's, never the fleet link's
            return error(command.requestId(), e.toString());
        }
    }

    public static JsonObject refused(String requestId, String why) {
        return error(requestId, why);
    }

    private JsonObject session(String id, String link, java.util.function.Function<SessionControl, Optional<String>> act) {
        for (SessionControl control : sessions.get()) {
            Optional<String> done = act.apply(control);
            if (done.isPresent()) return ok(id).add("result", done.get()).build();
        }
        return error(id, "no prefixd.dhcp6 configuration for " + link);
    }

    private JsonObject reload(String id) {
        Optional<ConfigReload> r = reload.get();
        if (r.isEmpty()) return error(id, "no configuration loader is running");
        List<String> problems = r.get().rescan();
        if (problems.isEmpty()) return ok(id).add("result", "reloaded").build();
        return error(id, "reloaded; these files keep their previous configuration: " + String.join("; ", problems));
    }

    private JsonObject configGet(FleetCommand.ConfigGet get) {
        Optional<ConfigFiles> f = files.get();
        if (f.isEmpty()) return error(get.requestId(), "no configuration loader is running");
        Optional<Map<String, String>> properties;
        try {
            properties = f.get().read(get.pid());
        } catch (IllegalArgumentException e) {
            return error(get.requestId(), e.getMessage());
        }
        if (properties.isEmpty()) return error(get.requestId(), "no file for " + get.pid());
        JsonObjectBuilder p = CommandReader.JSON.createObjectBuilder();
        properties.get().forEach(p::add);
        return ok(get.requestId()).add("pid", get.pid()).add("properties", p).build();
    }

    private JsonObject configSet(FleetCommand.ConfigSet set) {
        Optional<ConfigFiles> f = files.get();
        if (f.isEmpty()) return error(set.requestId(), "no configuration loader is running");
        List<String> problems = f.get().write(set.pid(), set.properties());
        if (!problems.isEmpty()) return error(set.requestId(), String.join("; ", problems));
        return ok(set.requestId()).add("result", "written and applied").add("pid", set.pid()).build();
    }

    private static JsonObjectBuilder ok(String id) {
        return CommandReader.JSON.createObjectBuilder().add("id", id).add("ok", true);
    }

    private static JsonObject error(String id, String why) {
        return CommandReader.JSON.createObjectBuilder().add("id", id).add("ok", false).add("error", org.prefixd.api.SafeText.printable(why)).build();
    }
}
