package org.prefixd.config.osgi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.prefixd.config.ConfigFile;
import org.prefixd.config.ConfigTarget;

/** Reads the config files of a directory for {@link org.prefixd.config.ConfigDirectory#scan}. */
final class DirectoryReader {
    /**
     * @param files content by file name, at most {@link ConfigFile#MAX_BYTES} + 1 bytes each
     *        (enough for the parser to refuse a larger file without reading all of it)
     * @param unreadable the reason by file name
     */
    record Listing(Map<String, byte[]> files, Map<String, String> unreadable) {
    }

    private DirectoryReader() {
    }

    /** @throws IOException when the directory itself cannot be listed */
    static Listing read(Path directory) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        Map<String, String> unreadable = new TreeMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!ConfigTarget.isConfigFile(name)) continue;
                // A FIFO named x.cfg would block the read forever.
                if (!Files.isRegularFile(entry)) {
                    if (Files.exists(entry) || Files.isSymbolicLink(entry)) {
                        unreadable.put(name, "not a regular file");
                    }
                    continue;
                }
                try (InputStream in = Files.newInputStream(entry)) {
                    files.put(name, in.readNBytes(ConfigFile.MAX_BYTES + 1));
                } catch (NoSuchFileException e) {
                    // Removed between listing and reading: it is gone, as the next event will say.
                } catch (AccessDeniedException e) {
                    unreadable.put(name, "permission denied");
                } catch (IOException e) {
                    unreadable.put(name, e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
        }
        return new Listing(files, unreadable);
    }
}
