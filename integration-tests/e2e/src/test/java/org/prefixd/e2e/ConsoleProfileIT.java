package org.prefixd.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The console profile: the web console on localhost, the metatype form of the link
 * configuration, and `update <id>` of the bundles in the Gogo shell without the link going down.
 */
class ConsoleProfileIT {
    private static final Pattern LOG_TIME = Pattern.compile("(\\d{4}-\\d\\d-\\d\\dT\\S+Z) INFO  prefixd\\.link\\.pppd: (.*)$", Pattern.MULTILINE);

    @Test
    void updatingEveryPrefixdBundleInTheShellKeepsTheLinkUpAndTheWebConsoleServesTheLinkForm() throws Exception {
        Assumptions.assumeTrue(Cmd.isRoot(), "needs root: creates network namespaces");
        try (Namespace ns = new Namespace("pfx-console");
             Prefixd prefixd = new Prefixd(ns, Prefixd.newDirectory("console"), "console", true)) {
            ns.veth("wan0", "wan0p");
            prefixd.config("prefixd.link-wan0.cfg", "interface = wan0\nmode = ethernet\ndebounce = 2\n");
            prefixd.awaitState("wan0", "UP", Duration.ofSeconds(10));

            assertEquals("401", curl(ns, "http://localhost:8080/system/console/bundles").trim(), "the console needs a login");
            assertEquals("401", curl(ns, "-u", "admin:admin", "http://localhost:8080/system/console/bundles").trim(), "admin/admin is refused");
            assertEquals("401", curl(ns, "-u", "admin:admin", "http://localhost:8080/system/console/prefixd/events").trim(), "so is it for the event stream");
            String login = prefixd.webLogin();
            // What the Configuration page's form is built from: the metatype of the file's configuration.
            String form = Cmd.ok("ip", "netns", "exec", ns.name, "curl", "-s", "-u", login,
                    "http://localhost:8080/system/console/configMgr/prefixd.link~wan0.json");
            assertTrue(form.contains("\"title\":\"prefixd WAN link\"") && form.contains("\"name\":\"Debounce (seconds)\"")
                    && form.contains("\"value\":\"wan0\""), "no metatype form for prefixd.link~wan0:\n" + form);

            for (String bundle : List.of("prefixd.link.pppd", "prefixd.daemon", "prefixd.config", "prefixd.hooks", "prefixd.web", "prefixd.api")) {
                int before = prefixd.logText().length();
                String id = bundleId(prefixd, bundle);
                prefixd.shell("update " + id);
                // An exporting bundle's new revision reaches its importers only when they are refreshed.
                if (bundle.equals("prefixd.api")) prefixd.shell("refresh " + id);
                if (bundle.equals("prefixd.link.pppd") || bundle.equals("prefixd.api")) {
                    Await.until(bundle + " updated and wan0 up again", Duration.ofSeconds(10),
                            () -> prefixd.logText().substring(before).contains("wan0 is up"));
                    String after = prefixd.logText().substring(before);
                    long gap = Duration.between(time(after, "stopped watching wan0"), time(after, "wan0 is up")).toMillis();
                    System.out.printf("update of %s: WanLink gone for %d ms%n", bundle, gap);
                    assertTrue(gap < 2000, "the WanLink was gone for " + gap + " ms, longer than the 2 s debounce");
                } else {
                    Await.until(bundle + " active again", Duration.ofSeconds(10), () -> prefixd.cli("status").exit() == 0
                            && bundleStateActive(prefixd, bundle));
                }
                prefixd.awaitState("wan0", "UP", Duration.ofSeconds(5));
            }
            assertEquals(0, prefixd.terminate(Duration.ofSeconds(5)), prefixd.logTail());
        }
    }

    private static String curl(Namespace ns, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("ip", "netns", "exec", ns.name, "curl", "-s", "-o", "/dev/null", "-w", "%{http_code}"));
        command.addAll(List.of(args));
        return Cmd.ok(command.toArray(String[]::new));
    }

    static String bundleId(Prefixd prefixd, String bsn) throws Exception {
        int before = prefixd.logText().length();
        prefixd.shell("lb -s " + bsn);
        Pattern row = Pattern.compile("^\\s*(\\d+)\\|Active\\s*\\|\\s*\\d+\\|" + Pattern.quote(bsn) + " ", Pattern.MULTILINE);
        String[] id = new String[1];
        Await.until("the bundle id of " + bsn, Duration.ofSeconds(5), () -> {
            Matcher m = row.matcher(prefixd.logText().substring(before));
            if (!m.find()) return false;
            id[0] = m.group(1);
            return true;
        });
        return id[0];
    }

    static boolean bundleStateActive(Prefixd prefixd, String bsn) {
        try {
            bundleId(prefixd, bsn);
            return true;
        } catch (Exception | AssertionError e) {
            return false;
        }
    }

    private static Instant time(String log, String message) {
        Matcher m = LOG_TIME.matcher(log);
        while (m.find()) if (m.group(2).startsWith(message)) return Instant.parse(m.group(1));
        throw new AssertionError("no log line '" + message + "' in:\n" + log);
    }
}
