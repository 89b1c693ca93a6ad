package org.prefixd.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateUnixSocketTest {
    @Test
    void theSocketIsOnlyForItsOwnerAndNoTemporaryNameIsLeft() throws IOException {
        Path socket = Path.of("/tmp", "pus-" + ProcessHandle.current().pid() + ".sock");
        try (ServerSocketChannel channel = PrivateUnixSocket.bind(socket, 1)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
            try (var names = Files.list(socket.getParent())) {
                assertTrue(names.noneMatch(p -> p.getFileName().toString().startsWith("." + socket.getFileName())));
            }
        } finally {
            Files.deleteIfExists(socket);
        }
    }

    @Test
    void aPathTooLongForAUnixSocketIsRefusedWithTheReason(@TempDir Path dir) throws IOException {
        Path deep = Files.createDirectories(dir.resolve("d".repeat(100)));
        IOException e = assertThrows(IOException.class, () -> PrivateUnixSocket.bind(deep.resolve("control.sock"), 1));
        assertTrue(e.getMessage().contains("more than the 107 a Unix socket allows"), e.getMessage());
        try (var names = Files.list(deep)) {
            assertEquals(0, names.count(), "nothing left behind");
        }
    }
}
