package org.prefixd.link.osgi;

import java.nio.file.Path;

import org.osgi.framework.BundleContext;

/** The run directory (sockets, volatile state) the launcher passes as a framework property. */
final class RunDirectory {
    static final String PROPERTY = "prefixd.run.dir";

    private RunDirectory() {
    }

    static Path of(BundleContext context) {
        String dir = context.getProperty(PROPERTY);
        return Path.of(dir == null || dir.isBlank() ? "/run/prefixd" : dir).toAbsolutePath();
    }
}
