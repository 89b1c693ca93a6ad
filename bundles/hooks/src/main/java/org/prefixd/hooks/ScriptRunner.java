package org.prefixd.hooks;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one script: no shell in between (the script's path and its arguments as an array), the
 * environment of the call and nothing else, in its own session and process group (setsid), its
 * output to a scratch file (a background child that keeps the output open cannot block prefixd),
 * killed with its whole process group when it outlives its timeout.
 */
public final class ScriptRunner {
    static final int TAIL_LINES = 5;
    private static final int TAIL_BYTES = 2048;
    private static final int LINE_CHARS = 200;
    private static final Path SETSID = firstOf(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));
    private static final Path KILL = firstOf(Path.of("/usr/bin/kill"), Path.of("/bin/kill"));

    private final Path scratch;
    /** Names the output files: not Files.createTempFile, whose first use seeds SecureRandom (25 ms here). */
    private final AtomicLong runs = new AtomicLong();
    /** Another runner (of a bundle revision being replaced) may still run scripts beside this one. */
    private final String instance = Long.toHexString(System.nanoTime());
    private static final FileAttribute<?> PRIVATE_DIR = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    private static final FileAttribute<?> PRIVATE_FILE = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    /** @param scratch a directory of prefixd's own for the scripts' output files */
    public ScriptRunner(Path scratch) {
        this.scratch = scratch;
    }

    public ScriptResult run(Path script, HookCall call, Duration timeout) {
        long start = System.nanoTime();
        if (!Files.isRegularFile(script) || !Files.isExecutable(script))
            return new ScriptResult(-1, false, script + " is not an executable file", List.of(), 0);
        List<String> command = new ArrayList<>();
        if (SETSID != null) command.add(SETSID.toString());
        command.add(script.toString());
        command.addAll(call.arguments());
        Path output = null;
        try {
            if (!Files.isDirectory(scratch)) Files.createDirectories(scratch, PRIVATE_DIR);
            output = scratch.resolve("hook-" + instance + "-" + runs.incrementAndGet() + ".out");
            Files.deleteIfExists(output);
            Files.createFile(output, PRIVATE_FILE); // a script's output may hold what others should not read
            ProcessBuilder builder = new ProcessBuilder(command).directory(Path.of("/").toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().clear();
            builder.environment().putAll(call.environment());
            Process process = builder.start();
            boolean exited;
            try {
                exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) { // prefixd is stopping: the script goes with it
                killGroup(process);
                Thread.currentThread().interrupt();
                return new ScriptResult(-1, true, "", tail(output), elapsed(start));
            }
            if (!exited) {
                killGroup(process);
                return new ScriptResult(-1, true, "", tail(output), elapsed(start));
            }
            return new ScriptResult(process.exitValue(), false, "", tail(output), elapsed(start));
        } catch (IOException e) {
            return new ScriptResult(-1, false, String.valueOf(e.getMessage()), List.of(), elapsed(start));
        } finally {
            if (output != null) try {
                Files.deleteIfExists(output);
            } catch (IOException ignored) {
                // a scratch file left in prefixd's run directory: harmless, replaced at the next start
            }
        }
    }

    /** The script leads its process group (setsid): kill the group, then whatever is left of its descendants. */
    private static void killGroup(Process process) {
        if (SETSID != null && KILL != null) {
            try {
                Process kill = new ProcessBuilder(KILL.toString(), "-KILL", "--", "-" + process.pid())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                kill.waitFor(2, TimeUnit.SECONDS);
            } catch (IOException e) {
                // fall through: descendants below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static List<String> tail(Path output) {
        try (RandomAccessFile file = new RandomAccessFile(output.toFile(), "r")) {
            long length = file.length();
            int n = (int) Math.min(length, TAIL_BYTES);
            byte[] bytes = new byte[n];
            file.seek(length - n);
            file.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (line.isBlank()) continue;
                StringBuilder clean = new StringBuilder();
                for (int i = 0; i < line.length() && clean.length() < LINE_CHARS; i++) {
                    char c = line.charAt(i);
                    clean.append(c >= 0x20 && c < 0x7f ? c : '?');
                }
                lines.add(clean.toString());
            }
            return List.copyOf(lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return List.of();
        }
    }

    private static long elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    private static Path firstOf(Path... candidates) {
        for (Path p : candidates) if (Files.isExecutable(p)) return p;
        return null;
    }
}
