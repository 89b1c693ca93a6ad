package org.prefixd.config.osgi;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.MetaTypeService;
import org.prefixd.api.AtomicFile;
import org.prefixd.api.ConfigFiles;
import org.prefixd.api.ConfigReload;
import org.prefixd.config.Action;
import org.prefixd.config.ConfigDirectory;
import org.prefixd.config.ConfigFile;
import org.prefixd.config.ConfigFileException;
import org.prefixd.config.ConfigFileText;
import org.prefixd.config.ConfigProblem;
import org.prefixd.config.ConfigTarget;
import org.prefixd.config.Rejection;
import org.prefixd.config.Scan;
import org.prefixd.config.TypedProperties;

/**
 * Keeps Config Admin in line with the config directory, in place of Felix FileInstall: a
 * broken file is refused with its file and line and its previous version stays in force, and
 * a rescan can be asked for (SIGHUP, {@code prefixd reload}).
 */
@Component(immediate = true, service = {ConfigReload.class, ConfigFiles.class})
public final class ConfigDirectoryComponent implements ConfigReload, ConfigFiles {
    /** Framework property naming the config directory; relative to the working directory. */
    public static final String DIRECTORY_PROPERTY = "prefixd.configs.dir";
    static final String DEFAULT_DIRECTORY = "configs";
    /**
     * Set on every configuration this bundle applies: which file it came from. Only such
     * configurations are ever deleted.
     */
    public static final String FILE_PROPERTY = "prefixd.config.file";
    static final String THREAD_NAME = "prefixd-configs";
    static final Duration QUIET = Duration.ofMillis(200);
    /** Location "?": any bundle may receive the configuration (Config Admin 1.4 §104.4.1). */
    private static final String ANY_LOCATION = "?";
    private static final Set<String> NOT_FROM_THE_FILE = Set.of(Constants.SERVICE_PID,
            ConfigurationAdmin.SERVICE_FACTORYPID, ConfigurationAdmin.SERVICE_BUNDLELOCATION, FILE_PROPERTY);

    private final ConfigurationAdmin configAdmin;
    private final Logger logger;
    private final Path directory;
    private final DirectoryWatcher watcher;
    private final BundleContext context;
    private final org.osgi.framework.BundleListener schemaMayBeBack = this::bundleChanged;

    private final Object lock = new Object();
    private final ConfigDirectory configs; // guarded by lock
    private boolean adopted; // guarded by lock
    private boolean missingLogged; // guarded by lock
    private boolean unwatchedLogged; // guarded by lock
    private Map<String, List<ConfigProblem>> warned = Map.of(); // guarded by lock
    private volatile boolean stopped;

    @Activate
    public ConfigDirectoryComponent(BundleContext context, @Reference(name = "configAdmin") ConfigurationAdmin configAdmin,
            @Reference(name = "metaType") MetaTypeService metaType,
            @Reference(name = "logger", service = LoggerFactory.class) Logger logger) {
        this.context = context;
        this.configAdmin = configAdmin;
        this.logger = logger;
        String configured = context.getProperty(DIRECTORY_PROPERTY);
        this.directory = Path.of(configured == null || configured.isBlank() ? DEFAULT_DIRECTORY : configured).toAbsolutePath();
        this.configs = new ConfigDirectory(new MetaTypeSchema(context, metaType));
        WatchService service;
        try {
            service = FileSystems.getDefault().newWatchService();
        } catch (IOException e) {
            logger.error("cannot watch {} ({}); edits apply on 'prefixd reload' only", directory, e.toString());
            service = null;
        }
        this.watcher = new DirectoryWatcher(directory, service, QUIET, this::scanAfterChange, THREAD_NAME);
        // The first scan runs on the watcher thread: activation must not wait for file I/O.
        watcher.start();
        context.addBundleListener(schemaMayBeBack);
    }

    /** A file held back while no bundle described it is scanned again once a bundle resolves (asynchronous events). */
    private void bundleChanged(org.osgi.framework.BundleEvent event) {
        if (event.getType() != org.osgi.framework.BundleEvent.RESOLVED || stopped) return;
        boolean waiting;
        synchronized (lock) {
            waiting = !configs.heldBack().isEmpty();
        }
        if (waiting) scanAfterChange();
    }

    @Deactivate
    void deactivate() {
        // Configurations stay: a bundle update must not take the router's configuration away.
        stopped = true;
        try {
            context.removeBundleListener(schemaMayBeBack);
        } catch (IllegalStateException stopping) {
            // the bundle context is no longer valid: the listener went with it
        }
        watcher.close();
    }

    @Override
    public List<String> rescan() {
        synchronized (lock) {
            if (stopped) return List.of(directory + ": the config bundle is stopping");
            if (!Files.isDirectory(directory)) {
                if (!missingLogged) logger.error("config directory {} does not exist; no config file is read", directory);
                missingLogged = true;
                return List.of(directory + ": config directory does not exist");
            }
            missingLogged = false;
            watch();
            adoptEarlierConfigurations();

            DirectoryReader.Listing listing;
            try {
                listing = DirectoryReader.read(directory);
            } catch (IOException e) {
                logger.error("cannot list config directory {}: {}", directory, e.toString());
                return List.of(directory + ": cannot list: " + e.getMessage());
            }
            Scan scan = configs.scan(listing.files(), listing.unreadable());
            List<String> problems = new ArrayList<>(scan.problemLines());
            for (Action action : scan.actions()) {
                if (stopped) break;
                try {
                    carryOut(action);
                    configs.commit(action);
                } catch (IOException | IllegalStateException | IllegalArgumentException e) {
                    String problem = action.file() + ": Config Admin refused to " + action + ": " + e.getMessage();
                    logger.warn("{}; will try again on the next scan", problem);
                    problems.add(problem);
                }
            }
            warnOnce(scan.rejections());
            return List.copyOf(problems);
        }
    }

    @Override
    public Optional<Map<String, String>> read(String pid) {
        String name = ConfigTarget.ofPid(pid).fileName();
        Optional<ConfigFile> file = readFile(name);
        if (file.isEmpty()) return Optional.empty();
        Map<String, String> out = new LinkedHashMap<>();
        for (ConfigFile.Property p : file.get().properties()) out.put(p.key(), TypedProperties.isSensitive(p.key()) ? SECRET : p.value());
        return Optional.of(out);
    }

    private Optional<ConfigFile> readFile(String name) {
        Path file = directory.resolve(name);
        try {
            if (!Files.isRegularFile(file)) return Optional.empty();
            if (Files.size(file) > ConfigFile.MAX_BYTES) throw new IllegalArgumentException(name + ": larger than " + ConfigFile.MAX_BYTES + " bytes");
            return Optional.of(ConfigFile.parse(name, Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new IllegalArgumentException(name + ": cannot read: " + e.getMessage());
        } catch (ConfigFileException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    @Override
    public List<String> write(String pid, Map<String, String> properties) {
        String name;
        synchronized (lock) {
            if (stopped) return List.of(directory + ": the config bundle is stopping");
            byte[] content;
            try {
                name = ConfigTarget.ofPid(pid).fileName();
                Map<String, String> values = new LinkedHashMap<>(properties);
                // A password given back as read (SECRET) keeps the file's own.
                for (var e : properties.entrySet()) {
                    if (!SECRET.equals(e.getValue()) || !TypedProperties.isSensitive(e.getKey())) continue;
                    String kept = readFile(name).flatMap(f -> f.property(e.getKey())).map(ConfigFile.Property::value)
                            .orElseThrow(() -> new IllegalArgumentException(e.getKey() + ": " + SECRET + " stands for the file's value, and it has none"));
                    values.put(e.getKey(), kept);
                }
                content = ConfigFileText.render(values, "written through the fleet's config-set at " + java.time.Instant.now()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return List.of(pid + ": " + e.getMessage());
            }
            List<ConfigProblem> problems = configs.check(name, content);
            if (!problems.isEmpty()) return problems.stream().map(ConfigProblem::toString).toList();
            try {
                Files.createDirectories(directory);
                AtomicFile.write(directory.resolve(name), content);
            } catch (IOException e) {
                return List.of(name + ": cannot write: " + e.getMessage());
            }
            logger.info("{} written from afar ({} properties)", name, properties.size());
        }
        List<String> problems = new ArrayList<>();
        for (String problem : rescan()) if (problem.startsWith(name) || problem.contains("/" + name)) problems.add(problem);
        return problems;
    }

    private void scanAfterChange() {
        try {
            rescan();
        } catch (RuntimeException e) {
            logger.error("scan of {} failed", directory, e);
        }
    }

    private void watch() {
        try {
            if (watcher.watch()) unwatchedLogged = false;
        } catch (IOException e) {
            if (!unwatchedLogged) logger.error("cannot watch {} ({}); edits apply on 'prefixd reload' only", directory, e.toString());
            unwatchedLogged = true;
        }
    }

    /**
     * Learns which configurations an earlier run applied, so that one whose file was removed
     * while prefixd was down is deleted, and one whose file did not change is left alone.
     */
    private void adoptEarlierConfigurations() {
        if (adopted) return;
        Configuration[] earlier;
        try {
            earlier = configAdmin.listConfigurations("(" + FILE_PROPERTY + "=*)");
        } catch (IOException | InvalidSyntaxException e) {
            logger.warn("cannot list the configurations of an earlier run: {}", e.toString());
            return;
        }
        for (Configuration configuration : earlier == null ? new Configuration[0] : earlier) {
            Dictionary<String, Object> properties = configuration.getProperties();
            if (properties == null || !(properties.get(FILE_PROPERTY) instanceof String file)) continue;
            try {
                if (!ConfigTarget.isConfigFile(file) || !ConfigTarget.ofFile(file).pid().equals(configuration.getPid())) continue;
                configs.adopt(file, fromTheFile(properties));
            } catch (ConfigFileException e) {
                // Not a name this bundle gives; leave the configuration alone.
            }
        }
        adopted = true;
    }

    private static Map<String, Object> fromTheFile(Dictionary<String, Object> properties) {
        Map<String, Object> values = new HashMap<>();
        for (Enumeration<String> keys = properties.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            if (!NOT_FROM_THE_FILE.contains(key)) values.put(key, properties.get(key));
        }
        return values;
    }

    private void carryOut(Action action) throws IOException {
        if (action instanceof Action.Apply apply) {
            ConfigTarget target = apply.target();
            Configuration configuration = target instanceof ConfigTarget.Factory factory
                    ? configAdmin.getFactoryConfiguration(factory.factoryPid(), factory.name(), ANY_LOCATION)
                    : configAdmin.getConfiguration(target.pid(), ANY_LOCATION);
            Hashtable<String, Object> properties = new Hashtable<>(apply.properties().asMap());
            properties.put(FILE_PROPERTY, apply.file());
            Dictionary<String, Object> before = configuration.getProperties();
            if (configuration.updateIfDifferent(properties)) {
                logger.info("applied {} to {}{}", apply.file(), target, before == null ? "" : " (" + changedKeys(before, properties) + ")");
            } else {
                logger.debug("{} was already in force as {}", apply.file(), target);
            }
        } else if (action instanceof Action.Delete delete) {
            Configuration[] configurations;
            try {
                configurations = configAdmin.listConfigurations("(&(" + Constants.SERVICE_PID + "=" + ldapValue(delete.target().pid())
                        + ")(" + FILE_PROPERTY + "=" + ldapValue(delete.file()) + "))");
            } catch (InvalidSyntaxException e) {
                throw new IllegalArgumentException("filter: " + e.getMessage(), e);
            }
            for (Configuration configuration : configurations == null ? new Configuration[0] : configurations) {
                configuration.delete();
            }
            logger.info("deleted {} ({} is gone)", delete.target(), delete.file());
        }
    }

    /** The names of the values that differ, never the values (a password among them is not logged). */
    static String changedKeys(Dictionary<String, Object> before, Dictionary<String, Object> after) {
        java.util.TreeSet<String> keys = new java.util.TreeSet<>();
        for (Enumeration<String> e = before.keys(); e.hasMoreElements();) keys.add(e.nextElement());
        for (Enumeration<String> e = after.keys(); e.hasMoreElements();) keys.add(e.nextElement());
        keys.removeAll(NOT_FROM_THE_FILE);
        List<String> changed = new ArrayList<>();
        for (String key : keys) {
            Object was = before.get(key), is = after.get(key);
            if (was == null || is == null) changed.add(key + (was == null ? " added" : " removed"));
            else if (!Objects.deepEquals(was, is))
                changed.add(key + (was.getClass() != is.getClass() ? " (" + was.getClass().getSimpleName() + " -> " + is.getClass().getSimpleName() + ")" : ""));
        }
        return changed.isEmpty() ? "no value changed" : "changed: " + String.join(", ", changed);
    }

    /** Warns about a file's problems once, not on every scan while it stays broken. */
    private void warnOnce(List<Rejection> rejections) {
        Map<String, List<ConfigProblem>> now = new HashMap<>();
        for (Rejection rejection : rejections) {
            now.put(rejection.file(), rejection.problems());
            if (Objects.equals(warned.get(rejection.file()), rejection.problems())) continue;
            String outcome = rejection.previousInForce() ? "kept the previous configuration" : "not applied";
            for (ConfigProblem problem : rejection.problems()) logger.warn("{} ({})", problem, outcome);
        }
        warned = now;
    }

    /** Escapes a value for an LDAP filter (RFC 4515 §3, as OSGi filters take it). */
    static String ldapValue(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == '*' || c == '(' || c == ')') escaped.append('\\');
            escaped.append(c);
        }
        return escaped.toString();
    }
}
