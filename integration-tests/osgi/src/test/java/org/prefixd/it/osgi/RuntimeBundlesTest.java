package org.prefixd.it.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The hand-written bundle list of the integration tests against the bndrun it mirrors. */
class RuntimeBundlesTest {
    /** {@code bsn;version='[low,high)'} as bnd's resolver writes -runbundles. */
    private static final Pattern RUN_BUNDLE = Pattern.compile("([A-Za-z0-9_.\\-]+);version='\\[([^,]+),[^']*'");

    @Test
    void theBundleListMirrorsTheEmbeddedRuntime() throws IOException {
        Path bndrun = Path.of(System.getProperty("prefixd.it.bndrun", "../../runtime/embedded.bndrun"));
        Map<String, String> inBndrun = runBundles(Files.readString(bndrun));
        assertFalse(inBndrun.isEmpty(), "no -runbundles found in " + bndrun);

        Map<String, String> inTests = new TreeMap<>();
        for (RuntimeBundles.RuntimeBundle b : RuntimeBundles.ALL) inTests.put(b.symbolicName(), b.version());
        assertEquals(inBndrun, inTests, "RuntimeBundles.ALL (symbolic name -> version) against -runbundles of " + bndrun);
    }

    /** The -runbundles instruction, continuation lines joined: symbolic name -> low end of the range. */
    private static Map<String, String> runBundles(String bndrun) {
        String joined = bndrun.replaceAll("\\\\\\r?\\n", " ");
        Map<String, String> bundles = new TreeMap<>();
        for (String line : joined.split("\\r?\\n")) {
            if (!line.startsWith("-runbundles:")) continue;
            Matcher m = RUN_BUNDLE.matcher(line);
            while (m.find()) bundles.put(m.group(1), m.group(2));
        }
        return bundles;
    }
}
