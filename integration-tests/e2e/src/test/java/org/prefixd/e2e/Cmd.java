package org.prefixd.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command (argument array, no shell) and returns what it printed. */
final class Cmd {
    record Result(int exit, String out, String err) {
    }

    private Cmd() {
    }

    static Result run(List<String> command) {
        return run(command, Map.of(), null);
    }

    static Result run(List<String> command, Map<String, String> env, String stdin) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(env);
            Process p = builder.start();
            if (stdin != null) p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            var out = p.getInputStream().readAllBytes();
            var err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(command + " did not finish in 30 s");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static String ok(String... command) {
        Result r = run(List.of(command));
        if (r.exit() != 0) throw new AssertionError(String.join(" ", command) + " failed with " + r.exit() + ": " + r.err());
        return r.out();
    }

    static boolean isRoot() {
        return "0".equals(run(List.of("id", "-u")).out().trim());
    }
}
