package org.prefixd.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What systemd is to the package's maintainer scripts, on a machine without systemd as PID 1:
 * dpkg runs in a mount namespace of its own where /run/systemd/system exists (so the scripts
 * take their systemd branch, as on a router), with {@code systemctl} and
 * {@code deb-systemd-invoke} stand-ins first on the PATH. They record every call and start,
 * stop and restart prefixd.service as systemd would: its ExecStart through
 * packaging/debian/unit-exec (the unit's user, capabilities, no new privileges), in the test's
 * router namespace; a stop removes the RuntimeDirectory, a restart keeps it.
 */
final class SystemdStandIn implements AutoCloseable {
    private static final String SYSTEMCTL = """
            #!/bin/sh
            # systemctl, as the package test stands in for systemd: records the call, acts for prefixd.service.
            echo "systemctl $*" >> "$PREFIXD_TEST_DIR/calls"
            [ "$1" = --system ] && shift
            [ "${2:-}" = prefixd.service ] || exit 0
            pidfile="$PREFIXD_TEST_DIR/prefixd.pid"
            running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }
            stop() {
                if running; then
                    pid=$(cat "$pidfile"); kill -TERM "$pid"
                    i=0; while kill -0 "$pid" 2>/dev/null && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
                    kill -KILL "$pid" 2>/dev/null
                fi
                rm -f "$pidfile"
            }
            start() {
                running && return 0
                setsid ip netns exec "$PREFIXD_TEST_NETNS" "$PREFIXD_TEST_UNIT_EXEC" --dirs /lib/systemd/system/prefixd.service \\
                    >> "$PREFIXD_TEST_DIR/prefixd.log" 2>&1 < /dev/null &
                echo $! > "$pidfile"
            }
            case "$1" in
                start) start ;;
                stop) stop; rm -rf /run/prefixd ;;
                restart) stop; start ;;
                try-restart) if running; then stop; start; fi ;;
            esac
            exit 0
            """;
    private static final String INVOKE = """
            #!/bin/sh
            # deb-systemd-invoke, as the package test stands in for systemd.
            exec systemctl "$@"
            """;

    final Path dir;
    private final Namespace router;
    private final Path stubs;
    private final boolean createdRunSystemd;

    SystemdStandIn(Namespace router, Path dir) throws IOException {
        this.router = router;
        this.dir = Files.createDirectories(dir);
        this.stubs = Files.createDirectories(dir.resolve("stubs"));
        write(stubs.resolve("systemctl"), SYSTEMCTL);
        write(stubs.resolve("deb-systemd-invoke"), INVOKE);
        Path runSystemd = Path.of("/run/systemd");
        createdRunSystemd = !Files.isDirectory(runSystemd);
        if (createdRunSystemd) Files.createDirectories(runSystemd); // the mount point; removed at close
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** dpkg with the given arguments, its maintainer scripts seeing systemd; what it printed. */
    Cmd.Result dpkg(String... args) {
        List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private", "--", "sh", "-c",
                "mount -t tmpfs -o size=64k,mode=0755 prefixd-test /run/systemd && mkdir /run/systemd/system && exec dpkg \"$@\"", "dpkg",
                "--force-confdef", "--force-confold"));
        command.addAll(List.of(args));
        return Cmd.run(command, Map.of("PATH", stubs + ":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                "DEBIAN_FRONTEND", "noninteractive", "PREFIXD_TEST_DIR", dir.toString(), "PREFIXD_TEST_NETNS", router.name,
                "PREFIXD_TEST_UNIT_EXEC", Prefixd.ROOT.resolve("packaging/debian/unit-exec").toString()), null);
    }

    /** The pid of the prefixd the stand-in started (the JVM: every step execs the next), or -1. */
    long pid() {
        try {
            return Long.parseLong(Files.readString(dir.resolve("prefixd.pid")).strip());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    boolean running() {
        long pid = pid();
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    String calls() {
        return TextFile.read(dir.resolve("calls"));
    }

    String log() {
        try {
            return Files.readString(dir.resolve("prefixd.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() throws IOException {
        long pid = pid();
        ProcessHandle.of(pid).ifPresent(h -> {
            h.destroy();
            try {
                Await.until("prefixd stopped", Duration.ofSeconds(10), () -> !h.isAlive());
            } catch (AssertionError e) {
                h.destroyForcibly();
            }
        });
        if (createdRunSystemd) Files.deleteIfExists(Path.of("/run/systemd"));
    }
}
