package org.prefixd.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A file a process under test writes (a log, a capture, a hook's output): what it holds so far. */
final class TextFile {
    private TextFile() {
    }

    /** The file's text, or "" while it does not exist yet. */
    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
