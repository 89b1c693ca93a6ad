package org.prefixd.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real scripts run by /bin/sh; the timeout test waits for a 300 ms timeout (no assertion on time). */
class ScriptRunnerTest {
    @TempDir
    Path dir;

    private Path script(String body) throws IOException {
        Path p = Files.createTempFile(dir, "hook", ".sh");
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }

    @Test
    void argumentsAndOnlyTheCallsEnvironmentReachTheScript() throws IOException {
        Path out = dir.resolve("seen");
        Path s = script("echo \"$1|$2|$FOO|${HOME:-nohome}|$PATH\" > " + out + "; echo done; exit 3");
        ScriptResult r = new ScriptRunner(dir.resolve("scratch")).run(s, new HookCall(List.of("wan0", "a b;$(x)"), Map.of("FOO", "bar", "PATH", Environment.PATH), List.of()),
                Duration.ofSeconds(10));
        assertEquals(3, r.exit());
        assertFalse(r.ok());
        assertEquals(List.of("done"), r.tail());
        assertEquals("wan0|a b;$(x)|bar|nohome|" + Environment.PATH + "\n", Files.readString(out), "an argument is one argument, never shell syntax");
        try (var files = Files.list(dir.resolve("scratch"))) {
            assertEquals(0, files.count(), "the output file is removed");
        }
    }

    @Test
    void theTailKeepsTheLastLinesPrintable() throws IOException {
        Path s = script("i=0; while [ $i -lt 20 ]; do echo line$i; i=$((i+1)); done; printf 'bell\\007\\n'");
        ScriptResult r = new ScriptRunner(dir).run(s, new HookCall(List.of(), Map.of("PATH", Environment.PATH), List.of()), Duration.ofSeconds(10));
        assertTrue(r.ok(), r.summary());
        assertEquals(List.of("line16", "line17", "line18", "line19", "bell?"), r.tail());
    }

    @Test
    void aScriptPastItsTimeoutIsKilledWithItsProcessGroup() throws Exception {
        Path pidFile = dir.resolve("child.pid");
        Path s = script("sleep 600 & echo $! > " + pidFile + "; echo started; wait");
        ScriptResult r = new ScriptRunner(dir).run(s, new HookCall(List.of(), Map.of("PATH", Environment.PATH), List.of()), Duration.ofMillis(300));
        assertTrue(r.timedOut());
        assertEquals(-1, r.exit());
        assertEquals(List.of("started"), r.tail());
        long child = Long.parseLong(Files.readString(pidFile).trim());
        var handle = ProcessHandle.of(child);
        if (handle.isPresent()) handle.get().onExit().get(5, java.util.concurrent.TimeUnit.SECONDS); // reaped by init: gone soon after the kill
        assertFalse(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false), "the script's background child was killed too");
    }

    @Test
    void aMissingScriptIsReportedNotThrown() {
        ScriptResult r = new ScriptRunner(dir).run(dir.resolve("nope.sh"), new HookCall(List.of(), Map.of(), List.of()), Duration.ofSeconds(1));
        assertFalse(r.ok());
        assertTrue(r.summary().contains("not an executable file"), r.summary());
    }
}
