package org.prefixd.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The verdicts of the tools distributions judge a package by: lintian finds no error in either
 * Debian package, systemd-analyze rates the unit 2.0 or lower, shellcheck finds no warning in any
 * shell script of the project. The tools come with ./run-tests (as root); elsewhere a missing
 * tool skips its check and says so.
 */
class PackageChecksTest {
    private static final Path TARGET = Prefixd.ROOT.resolve("packaging/target");

    @Test
    void lintianFindsNoErrorInEitherPackage() throws IOException {
        requireTool("lintian");
        List<String> command = new ArrayList<>(List.of("lintian", "--no-tag-display-limit"));
        command.add(PackageIT.newest("prefixd_", "_amd64.deb").toString());
        command.add(PackageIT.newest("prefixd-console_", "_all.deb").toString());
        Cmd.Result r = Cmd.run(command);
        String errors = r.out().lines().filter(l -> l.startsWith("E:")).reduce("", (a, b) -> a + b + "\n");
        assertEquals("", errors, "lintian:\n" + r.out() + r.err());
        // Warnings are explained in the README ("Install on a router"); a new kind must be too.
        List<String> kinds = r.out().lines().filter(l -> l.startsWith("W:")).map(l -> l.replaceFirst("^W: [^:]+: ([a-z0-9-]+).*$", "$1")).distinct().toList();
        String readme = Files.readString(Prefixd.ROOT.resolve("README.md"));
        for (String kind : kinds) assertTrue(readme.contains(kind), "lintian warns " + kind + ", which the README does not explain:\n" + r.out());
    }

    @Test
    void systemdAnalyzeRatesTheUnitTwoOrLower() {
        requireTool("systemd-analyze");
        boolean hadUnitsLoad = Files.exists(Path.of("/run/systemd/systemd-units-load"));
        Cmd.Result r = Cmd.run(List.of("systemd-analyze", "security", "--offline=true", "--no-pager",
                Prefixd.ROOT.resolve("packaging/debian/prefixd.service").toString()));
        if (!hadUnitsLoad) Cmd.run(List.of("rm", "-f", "/run/systemd/systemd-units-load")); // systemd-analyze's own mark
        Matcher m = Pattern.compile("Overall exposure level for prefixd.service: ([0-9.]+)").matcher(r.out() + r.err());
        assertTrue(m.find(), "no rating from systemd-analyze:\n" + r.out() + r.err());
        double exposure = Double.parseDouble(m.group(1));
        assertTrue(exposure <= 2.0, "exposure " + exposure + " > 2.0:\n" + r.out());
    }

    @Test
    void shellcheckFindsNoWarningInAnyShellScript() throws IOException {
        requireTool("shellcheck");
        List<String> scripts = new ArrayList<>();
        Cmd.Result tracked = Cmd.run(List.of("git", "-C", Prefixd.ROOT.toString(), "ls-files", "--cached", "--others", "--exclude-standard"));
        String files = tracked.exit() == 0 ? tracked.out() // a checkout without git: every file outside the build's output
                : Cmd.ok("sh", "-c", "cd \"$1\" && find . -path '*/target' -prune -o -path ./.git -prune -o -type f -print | sed 's#^./##'", "list", Prefixd.ROOT.toString());
        for (String file : files.split("\n")) {
            Path path = Prefixd.ROOT.resolve(file);
            // mvnw is Maven's wrapper, not ours.
            if (file.equals("mvnw") || !Files.isRegularFile(path)) continue;
            String first = Files.readAllLines(path, java.nio.charset.StandardCharsets.ISO_8859_1).stream().findFirst().orElse("");
            if (first.matches("#!.*\\b(sh|bash)\\b.*")) scripts.add(path.toString());
        }
        assertTrue(scripts.size() > 20, "found only " + scripts);
        List<String> command = new ArrayList<>(List.of("shellcheck", "--severity=warning"));
        command.addAll(scripts);
        Cmd.Result r = Cmd.run(command);
        assertEquals(0, r.exit(), () -> r.out() + r.err());
        assertFalse(r.out().contains("SC"), r.out());
    }

    private static void requireTool(String tool) {
        boolean present = Cmd.run(List.of("sh", "-c", "command -v " + tool)).exit() == 0;
        if (!present && !Cmd.isRoot()) Assumptions.abort(tool + " is not installed: ./run-tests installs it when run as root");
        assertTrue(present, tool + " is not installed although ./run-tests installs it (tools/install-packages tests)");
    }
}
