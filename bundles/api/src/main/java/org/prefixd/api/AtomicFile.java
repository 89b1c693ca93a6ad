package org.prefixd.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files prefixd writes (leases, assignments, radvd.conf, its DUID): a crash leaves the old
 * content or the new, never half; readable by their owner only from creation.
 */
public final class AtomicFile {
    private AtomicFile() {
    }

    public static void write(Path file, byte[] content) throws IOException {
        commit(prepare(file, content), file);
    }

    /** The content in a temporary file beside {@code file}, on disk; for a check before {@link #commit}. */
    public static Path prepare(Path file, byte[] content) throws IOException {
        Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        try (FileChannel out = FileChannel.open(temporary, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
            out.write(ByteBuffer.wrap(content));
            out.force(true);
        }
        return temporary;
    }

    /** Renames a {@link #prepare prepared} file into place and makes the rename durable. */
    public static void commit(Path temporary, Path file) throws IOException {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel dir = FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        }
    }
}
