package org.prefixd.netconf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.prefixd.api.NetConfigException;

/** The co-process's failures, with stand-ins for iproute2 (no root, no kernel change). */
class IpBatchTest {
    private static final List<String> CHANGE = List.of("ip", "-6", "route", "replace", "unreachable", "2001:db8:100::/56", "metric", "2147483647", "proto", "static");
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        watchdog.shutdownNow();
    }

    @Test
    void aMissingProgramIsAFailureThatNamesTheCommand() {
        try (IpBatch batch = new IpBatch(List.of("/nonexistent/ip"), watchdog, 10)) {
            NetConfigException e = assertThrows(NetConfigException.class, () -> batch.run(CHANGE, false));
            assertTrue(e.getMessage().startsWith(String.join(" ", CHANGE) + ": Cannot run program \"/nonexistent/ip\""), e.getMessage());
        }
    }

    @Test
    void anIpThatExitsAtOnceGivesItsExitStatusAndLastWords() {
        List<String> failing = List.of("sh", "-c", "echo 'RTNETLINK answers: No buffer space available' >&2; echo 'Command failed -:1' >&2; exit 2", "ip");
        try (IpBatch batch = new IpBatch(failing, watchdog, 10)) {
            for (int i = 0; i < 2; i++) { // each change starts it anew
                NetConfigException e = assertThrows(NetConfigException.class, () -> batch.run(CHANGE, false));
                assertEquals(String.join(" ", CHANGE) + " failed (exit 2): RTNETLINK answers: No buffer space available", e.getMessage());
            }
        }
    }

    @Test
    void anIpThatDoesNotAnswerIsKilledAtTheTimeout() {
        try (IpBatch batch = new IpBatch(List.of("sh", "-c", "exec sleep 30", "ip"), watchdog, 1)) {
            NetConfigException e = assertThrows(NetConfigException.class, () -> batch.run(CHANGE, false));
            assertEquals(String.join(" ", CHANGE) + ": no answer in 1 s", e.getMessage());
        }
    }

    @Test
    void aChangeIsDoneWhenTheMarkersAnswerComesAndARemovalOfSomethingGoneIsDone() throws Exception {
        // a stand-in that answers the marker like ip: a line per change, after a line of noise
        String answering = "while read -r line; do case \"$line\" in 'link show dev lo') echo '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536';; *) echo \"did $line\";; esac; done";
        try (IpBatch batch = new IpBatch(List.of("sh", "-c", answering, "ip"), watchdog, 10)) {
            batch.ready();
            batch.run(CHANGE, false);
            batch.run(CHANGE, false);
        }
        String gone = "read -r line; echo 'RTNETLINK answers: No such process' >&2; exit 2";
        try (IpBatch batch = new IpBatch(List.of("sh", "-c", gone, "ip"), watchdog, 10)) {
            batch.run(IpCommands.removeUnreachable(new org.prefixd.api.Prefix(org.prefixd.api.Ipv6Text.parse("2001:db8:100::"), 56)), true);
        }
    }

    @Test
    void onlyIpDashSixCommandsGoIn() {
        try (IpBatch batch = new IpBatch(List.of("ip"), watchdog, 10)) {
            assertThrows(IllegalArgumentException.class, () -> batch.run(List.of("sh", "-c", "x"), false));
        }
    }
}
