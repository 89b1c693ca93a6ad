package org.prefixd.config.osgi;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsTheConfigFilesAndSkipsEverythingElse() throws Exception {
        Files.writeString(dir.resolve("prefixd.link-wan.cfg"), "interface = ppp0\n");
        Files.writeString(dir.resolve(".prefixd.link-wan.cfg.swp"), "swap");
        Files.writeString(dir.resolve("README"), "readme");
        DirectoryReader.Listing listing = DirectoryReader.read(dir);
        assertEquals(Set.of("prefixd.link-wan.cfg"), listing.files().keySet());
        assertArrayEquals("interface = ppp0\n".getBytes(UTF_8), listing.files().get("prefixd.link-wan.cfg"));
        assertEquals(Map.of(), listing.unreadable());
    }

    @Test
    void readsNoMoreThanOneByteBeyondTheLimitOfAHugeFile() throws Exception {
        Files.write(dir.resolve("huge.cfg"), new byte[1024 * 1024]);
        assertEquals(64 * 1024 + 1, DirectoryReader.read(dir).files().get("huge.cfg").length);
    }

    @Test
    void reportsADirectoryNamedLikeAConfigFileAsUnreadable() throws Exception {
        Files.createDirectory(dir.resolve("odd.cfg"));
        assertEquals(Map.of("odd.cfg", "not a regular file"), DirectoryReader.read(dir).unreadable());
    }

    @Test
    void reportsADanglingSymbolicLinkAsUnreadable() throws Exception {
        Files.createSymbolicLink(dir.resolve("gone.cfg"), dir.resolve("nowhere.cfg"));
        assertEquals(Map.of("gone.cfg", "not a regular file"), DirectoryReader.read(dir).unreadable());
    }

    @Test
    void failsWhenTheDirectoryDoesNotExist() {
        assertThrows(NoSuchFileException.class, () -> DirectoryReader.read(dir.resolve("missing")));
    }
}
