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

    /**
     * Moves a damaged file out of the way, beside it as {@code NAME.damaged-TIME}: it is kept for
     * a look and never read again; the next write starts afresh. Never throws: the caller goes on
     * either way.
     *
     * @return for the caller's log line: "the file is kept as PATH", or why it could not be moved
     */
    public static String setAside(Path file) {
        String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")
                .format(java.time.LocalDateTime.now(java.time.ZoneOffset.UTC));
        Path aside = file.resolveSibling(file.getFileName() + ".damaged-" + stamp);
        for (int n = 1; Files.exists(aside); n++) aside = file.resolveSibling(file.getFileName() + ".damaged-" + stamp + "-" + n);
        try {
            Files.move(file, aside);
            return "the file is kept as " + aside;
        } catch (IOException e) {
            return "the file could not be set aside (" + e + ") and will be overwritten";
        }
    }

    /** Renames a {@link #prepare prepared} file into place and makes the rename durable. */
    public static void commit(Path temporary, Path file) throws IOException {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel dir = FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        }
    }
}
