package org.prefixd.e2e;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

/** The real prefixd, started through runtime/bin/prefixd inside a namespace. */
final class Prefixd implements AutoCloseable {
    static final Path ROOT = Path.of(System.getProperty("prefixd.root", "../..")).toAbsolutePath().normalize();
    static final Path LAUNCHER = ROOT.resolve("runtime/bin/prefixd");
    static final JsonProvider JSON = new org.eclipse.parsson.JsonProviderImpl();

    final Path dir;
    final Path configs;
    final Path state;
    final Path run;
    final Path log;
    private final Process process;

    Prefixd(Namespace ns, String name, String profile) throws IOException {
        this(ns, newDirectory(name), profile);
    }

    static Path newDirectory(String name) throws IOException {
        Path work = Path.of(System.getProperty("prefixd.e2e.work", "target/e2e")).toAbsolutePath();
        Files.createDirectories(work);
        return Files.createTempDirectory(work, name);
    }

    /**
     * The run directory of the prefixd in {@code dir}: outside the build tree, whose depth depends
     * on where the checkout is, because Unix socket paths are limited to 107 bytes. The same
     * {@code dir} always gives the same run directory, so a restarted prefixd finds its sockets.
     */
    static Path shortRunDirectory(Path dir) {
        return Path.of("/tmp/prefixd-e2e", Integer.toHexString(dir.toAbsolutePath().toString().hashCode()));
    }

    /** A prefixd that uses the configs, state and run directories of an earlier one in {@code dir}. */
    Prefixd(Namespace ns, Path dir, String profile) throws IOException {
        this(ns, dir, profile, false);
    }

    /** With {@code shell}, the console profile's Gogo shell reads the commands given to {@link #shell}. */
    Prefixd(Namespace ns, Path dir, String profile, boolean shell) throws IOException {
        this(ns, dir, profile, shell, List.of());
    }

    /** @param more further arguments for the launcher, e.g. {@code --cache DIR} */
    Prefixd(Namespace ns, Path dir, String profile, boolean shell, List<String> more) throws IOException {
        this(ns, dir, profile, shell, more, java.util.Map.of());
    }

    /** @param env environment variables to set for prefixd, e.g. a PATH with a stand-in for a tool */
    Prefixd(Namespace ns, Path dir, String profile, boolean shell, List<String> more, java.util.Map<String, String> env) throws IOException {
        this.dir = dir;
        this.configs = Files.createDirectories(dir.resolve("configs"));
        this.state = dir.resolve("state");
        this.run = shortRunDirectory(dir);
        this.log = dir.resolve("prefixd-" + System.nanoTime() + ".log");
        // Default signal handling even when the test run itself ignores some (e.g. under nohup):
        // the tests check prefixd's own handling of SIGHUP and SIGTERM.
        List<String> command = new java.util.ArrayList<>(List.of("env", "--default-signal=HUP,INT,TERM",
                "ip", "netns", "exec", ns.name, LAUNCHER.toString(), "--profile", profile,
                "--configs", configs.toString(), "--state", state.toString(), "--run", run.toString()));
        if (shell) command.add("--shell");
        command.addAll(more);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        if (!shell) builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        this.process = builder.start();
        Await.until("prefixd's control socket", Duration.ofSeconds(20), () -> {
            if (!process.isAlive()) throw new AssertionError("prefixd exited with " + process.exitValue() + ":\n" + logText());
            // Both sockets: a pppd script run before the hook socket exists exits without a word, by design.
            return Files.exists(run.resolve("control.sock")) && Files.exists(run.resolve("pppd.sock"));
        });
    }

    void config(String file, String text) throws IOException {
        Path temporary = configs.resolve("." + file + ".tmp");
        Files.writeString(temporary, text);
        Files.move(temporary, configs.resolve(file), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Types a command into the Gogo shell (console profile started with a shell). */
    void shell(String command) throws IOException {
        process.getOutputStream().write((command + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    /** "user:password" of the web console, as prefixd generated it at its first start. */
    String webLogin() throws IOException {
        Path file = state.resolve("web-credentials");
        Await.until("the generated web login", Duration.ofSeconds(10), () -> Files.exists(file));
        String user = null, password = null;
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("user=")) user = line.substring(5);
            if (line.startsWith("password=")) password = line.substring(9);
        }
        return user + ":" + password;
    }

    Cmd.Result cli(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--run", run.toString()));
        return Cmd.run(command);
    }

    JsonObject status() {
        Cmd.Result r = cli("status", "--json");
        if (r.exit() != 0) throw new AssertionError("prefixd status failed: " + r.err() + "\n" + logText());
        return JSON.createReader(new StringReader(r.out())).readObject();
    }

    Optional<JsonObject> link(String name) {
        for (JsonValue v : status().getJsonArray("links")) {
            JsonObject link = v.asJsonObject();
            if (link.getString("interface").equals(name)) return Optional.of(link);
        }
        return Optional.empty();
    }

    String state(String name) {
        return link(name).map(l -> l.getString("state")).orElse("ABSENT");
    }

    Duration awaitState(String name, String state, Duration timeout) {
        return Await.until(name + " " + state + " (log:\n" + logTail() + ")", timeout, () -> state.equals(state(name)));
    }

    String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    String logTail() {
        String text = logText();
        return text.length() > 3000 ? text.substring(text.length() - 3000) : text;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, then the exit code (or an AssertionError if it takes longer than the timeout). */
    int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("prefixd did not stop within " + timeout.toMillis() + " ms of SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
        }
    }
}
