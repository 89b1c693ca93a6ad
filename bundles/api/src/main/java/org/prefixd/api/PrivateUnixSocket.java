package org.prefixd.api;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** A listening Unix socket that only its owner (root) can connect to. */
public final class PrivateUnixSocket {
    /** sun_path holds 108 bytes including the terminating NUL. */
    private static final int MAX_PATH_BYTES = 107;

    private PrivateUnixSocket() {
    }

    /**
     * Binds under a temporary name, restricts it to 0600, then renames it into place: there is no
     * moment at which the socket is reachable with wider permissions (Java cannot set a umask).
     */
    public static ServerSocketChannel bind(Path socket, int backlog) throws IOException {
        Path temporary = socket.resolveSibling("." + socket.getFileName() + "." + ProcessHandle.current().pid());
        int length = temporary.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (length > MAX_PATH_BYTES)
            throw new IOException("cannot bind " + socket + ": with its temporary name the path is " + length
                    + " bytes, more than the " + MAX_PATH_BYTES + " a Unix socket allows; use a shorter run directory");
        Files.deleteIfExists(temporary);
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.bind(UnixDomainSocketAddress.of(temporary), backlog);
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            Files.move(temporary, socket, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            channel.close();
            Files.deleteIfExists(temporary);
            throw e;
        }
        return channel;
    }
}
