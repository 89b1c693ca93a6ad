package org.prefixd.it.osgi;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemPackages;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ops4j.pax.exam.Option;

/**
 * The Pax Exam set-up shared by the integration tests: the embedded runtime's bundles
 * ({@link RuntimeBundles}) and the framework properties that cnf/runtime-common.bnd gives it, with
 * the prefixd directories under target/it/&lt;test class&gt;.
 */
final class TestRuntime {
    private TestRuntime() {
    }

    static Option[] options(Class<?> testClass) {
        Path bundles = Path.of(System.getProperty("prefixd.it.bundles", "target/bundles")).toAbsolutePath();
        Path root = Path.of(System.getProperty("prefixd.it.dir", "target/it")).toAbsolutePath().resolve(testClass.getSimpleName());
        Path configs = emptyDirectory(root.resolve("configs"));
        Path state = directory(root.resolve("state"));
        // Outside the build tree, whose depth depends on the checkout: the bundles bind Unix
        // sockets in the run directory, and socket paths are limited to 107 bytes.
        Path run = directory(Path.of("/tmp/prefixd-it", testClass.getSimpleName()));

        List<Option> options = new ArrayList<>(List.of(
                junitBundles(),
                cleanCaches(true),
                // as cnf/runtime-common.bnd: the daemon bundle handles signals with sun.misc.Signal
                systemPackages("sun.misc"),
                frameworkProperty("org.osgi.service.log.admin.loglevel").value("INFO"),
                frameworkProperty("org.apache.felix.log.storeDebug").value("false"),
                frameworkProperty("org.apache.felix.log.maxSize").value("200"),
                frameworkProperty("ds.loglevel").value("warn"),
                frameworkProperty("felix.log.level").value("1"),
                frameworkProperty("prefixd.configs.dir").value(configs.toString()),
                frameworkProperty("prefixd.state.dir").value(state.toString()),
                frameworkProperty("prefixd.run.dir").value(run.toString()),
                systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN")));
        for (RuntimeBundles.RuntimeBundle b : RuntimeBundles.ALL) {
            Path jar = bundles.resolve(b.jar());
            if (!Files.isRegularFile(jar))
                throw new IllegalStateException(jar + " is missing: is " + b.symbolicName() + " a dependency of integration-tests/osgi/pom.xml?");
            options.add(bundle(jar.toUri().toString()));
        }
        return options.toArray(Option[]::new);
    }

    private static Path directory(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A config directory with no files left over from an earlier run. */
    private static Path emptyDirectory(Path dir) {
        directory(dir);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) Files.delete(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }
}
