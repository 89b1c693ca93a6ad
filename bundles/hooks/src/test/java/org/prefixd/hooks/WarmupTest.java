package org.prefixd.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WarmupTest {
    @Test
    void rendersEveryStyleForEveryEvent() {
        // 8 kinds × (odhcp6c 1 + wide 1 + prefixd 1) + dhclient: 2 runs (address, prefix) for 6 kinds,
        // none for UPDATED (nothing ran out), 1 for INFORMED (options only)
        assertEquals(8 * 3 + 6 * 2 + 1, Warmup.render());
    }

    @Test
    void runsTrueThroughTheRunnerAndLeavesNoOutputFileBehind(@org.junit.jupiter.api.io.TempDir java.nio.file.Path scratch) throws Exception {
        Warmup.run(new ScriptRunner(scratch));
        try (var files = java.nio.file.Files.list(scratch)) {
            assertEquals(0, files.count());
        }
    }
}
