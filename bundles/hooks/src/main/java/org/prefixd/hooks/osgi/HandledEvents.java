package org.prefixd.hooks.osgi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.prefixd.api.InterfaceName;

/**
 * The id of the last lease event a hook dispatcher handled, per link, in the run directory: it
 * outlives an update of the hooks bundle (which replaces the dispatcher), so that the next one
 * knows whether the event a lease's registration names went past unhandled. A file that cannot be
 * written or read only costs one hook run again.
 */
final class HandledEvents {
    private static final int MAX_ID = 64;
    private final Path dir;

    HandledEvents(Path dir) {
        this.dir = dir;
    }

    void record(InterfaceName link, String id) {
        if (id.length() > MAX_ID) return;
        try {
            Files.createDirectories(dir);
            Path tmp = file(link).resolveSibling(file(link).getFileName() + ".new");
            Files.writeString(tmp, id, StandardCharsets.US_ASCII);
            Files.move(tmp, file(link), java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // Only a catch-up after an update is at stake.
        }
    }

    boolean wasLast(InterfaceName link, String id) {
        try {
            Path file = file(link);
            return Files.size(file) <= MAX_ID && Files.readString(file, StandardCharsets.US_ASCII).equals(id);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private Path file(InterfaceName link) {
        return dir.resolve("last-event-" + link.value());
    }
}
