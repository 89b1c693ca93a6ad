package org.prefixd.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Decides what Config Admin must do so that it holds what the config directory says, file by
 * file: a file is applied whole or not at all, and a broken file leaves its previously applied
 * version in force.
 * <p>
 * It remembers what is in force: {@link #scan} proposes actions, and the caller
 * {@link #commit commits} each one Config Admin carried out, so one that failed is proposed
 * again on the next scan. Not thread-safe: the caller serialises scans.
 */
public final class ConfigDirectory {
    /** A configuration this directory put in force. */
    public record InForce(ConfigTarget target, TypedProperties properties) {
        public InForce {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(properties, "properties");
        }
    }

    private final Schema schema;
    private final Map<String, InForce> inForce = new TreeMap<>();
    private final Set<String> heldBack = new TreeSet<>();

    public ConfigDirectory(Schema schema) {
        this.schema = Objects.requireNonNull(schema, "schema");
    }

    /** {@link #scan(Map, Map)} with every file readable. */
    public Scan scan(Map<String, byte[]> files) {
        return scan(files, Map.of());
    }

    /**
     * @param files the content of each entry of the directory, by file name; entries that are
     *        not config files are ignored
     * @param unreadable entries that exist but could not be read, with the reason: they are
     *        reported and keep their previous version, as a broken file does
     */
    public Scan scan(Map<String, byte[]> files, Map<String, String> unreadable) {
        Set<String> present = new TreeSet<>(files.keySet());
        present.addAll(unreadable.keySet());

        List<Action> deletions = new ArrayList<>();
        for (Map.Entry<String, InForce> entry : inForce.entrySet()) {
            if (!present.contains(entry.getKey())) deletions.add(new Action.Delete(entry.getKey(), entry.getValue().target()));
        }

        List<Action> applications = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        heldBack.clear();
        for (String name : present) {
            if (!ConfigTarget.isConfigFile(name)) continue;
            InForce previous = inForce.get(name);
            try {
                if (unreadable.containsKey(name)) throw new ConfigFileException(name, 0, "cannot read: " + unreadable.get(name));
                ConfigTarget target = ConfigTarget.ofFile(name);
                ConfigFile file = ConfigFile.parse(name, files.get(name));
                var attributes = schema.attributes(target.schemaPid());
                if (attributes.isEmpty() && previous != null) {
                    // No bundle describes it now (its bundle is being updated or refreshed): the
                    // file typed as text would replace typed values and restart the component for
                    // nothing; what is in force stays until the schema is back.
                    heldBack.add(name);
                    continue;
                }
                TypedProperties properties = PropertyTyper.type(file, attributes);
                if (previous == null || !previous.properties().equals(properties)) {
                    applications.add(new Action.Apply(name, target, properties));
                }
            } catch (ConfigFileException e) {
                rejections.add(new Rejection(name, e.problems(), previous != null));
            }
        }

        List<Action> actions = new ArrayList<>(deletions);
        actions.addAll(applications);
        return new Scan(actions, rejections);
    }

    /**
     * Whether a file with this name and content would be applied, without applying it: its
     * problems, empty when it would be. A file no bundle describes now is refused, since its
     * values could not be checked.
     */
    public List<ConfigProblem> check(String name, byte[] content) {
        try {
            ConfigTarget target = ConfigTarget.ofFile(name);
            ConfigFile file = ConfigFile.parse(name, content);
            var attributes = schema.attributes(target.schemaPid());
            if (attributes.isEmpty()) return List.of(new ConfigProblem(name, 0, "no bundle describes " + target.schemaPid() + " now: its values cannot be checked"));
            PropertyTyper.type(file, attributes);
            return List.of();
        } catch (ConfigFileException e) {
            return e.problems();
        }
    }

    /**
     * @return the files the last scan left as they were in force because no schema describes
     *         them now: scan again when one may (a bundle resolved)
     */
    public Set<String> heldBack() {
        return Collections.unmodifiableSet(new TreeSet<>(heldBack));
    }

    /** Records that Config Admin carried out an action of the last scan. */
    public void commit(Action action) {
        if (action instanceof Action.Apply apply) {
            inForce.put(apply.file(), new InForce(apply.target(), apply.properties()));
        } else if (action instanceof Action.Delete delete) {
            inForce.remove(delete.file());
        }
    }

    /**
     * Records a configuration that Config Admin already holds from this directory, from an
     * earlier run: it is deleted when its file is gone, and not updated while its file says
     * the same.
     *
     * @throws ConfigFileException when the name is not that of a config file
     */
    public void adopt(String file, Map<String, ?> properties) throws ConfigFileException {
        if (!ConfigTarget.isConfigFile(file)) throw new ConfigFileException(file, 0, "not a config file name");
        inForce.put(file, new InForce(ConfigTarget.ofFile(file), TypedProperties.of(properties)));
    }

    /** @return what is in force, by file name */
    public Map<String, InForce> inForce() {
        return Collections.unmodifiableMap(new TreeMap<>(inForce));
    }
}
