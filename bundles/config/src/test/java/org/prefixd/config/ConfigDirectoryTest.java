package org.prefixd.config;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class ConfigDirectoryTest {
    /** A schema of our own: prefixd.link takes an interface and an integer debounce. */
    private static final Schema SCHEMA = pid -> pid.equals("prefixd.link")
            ? Optional.of(List.of(AttributeSpec.required("interface", AttributeType.STRING),
                    AttributeSpec.optional("debounce", AttributeType.INTEGER)))
            : Optional.empty();

    private final ConfigDirectory directory = new ConfigDirectory(SCHEMA);

    private static Map<String, byte[]> files(String... nameAndText) {
        Map<String, byte[]> files = new TreeMap<>();
        for (int i = 0; i < nameAndText.length; i += 2) files.put(nameAndText[i], nameAndText[i + 1].getBytes(UTF_8));
        return files;
    }

    /** Scans and commits every action, as the shell does when Config Admin accepts them. */
    private Scan scanAndCommit(Map<String, byte[]> files) {
        Scan scan = directory.scan(files);
        scan.actions().forEach(directory::commit);
        return scan;
    }

    private static TypedProperties link(String name, int debounce) {
        return TypedProperties.of(Map.of("interface", name, "debounce", debounce));
    }

    @Test
    void appliesANewFileWithTypedProperties() {
        Scan scan = directory.scan(files("prefixd.link-wan.cfg", "interface = ppp0\ndebounce = 5\n"));
        assertEquals(List.of(new Action.Apply("prefixd.link-wan.cfg", new ConfigTarget.Factory("prefixd.link", "wan"),
                link("ppp0", 5))), scan.actions());
        assertEquals(List.of(), scan.problems());
    }

    @Test
    void keepsWhatIsInForceWhileNoSchemaDescribesTheFileAndTypesItWhenOneDoesAgain() {
        boolean[] described = {true};
        ConfigDirectory dir = new ConfigDirectory(pid -> described[0] ? SCHEMA.attributes(pid) : Optional.empty());
        Scan first = dir.scan(files("prefixd.link-wan.cfg", "interface = ppp0\ndebounce = 5\n"));
        first.actions().forEach(dir::commit);
        described[0] = false; // its bundle is being refreshed
        assertEquals(List.of(), dir.scan(files("prefixd.link-wan.cfg", "interface = ppp0\ndebounce = 5\n")).actions(),
                "the same file as text would replace the typed values");
        assertEquals(java.util.Set.of("prefixd.link-wan.cfg"), dir.heldBack());
        assertEquals(List.of(), dir.scan(files("prefixd.link-wan.cfg", "interface = ppp1\ndebounce = 5\n")).actions(), "an edit waits too");
        described[0] = true;
        assertEquals(List.of(new Action.Apply("prefixd.link-wan.cfg", new ConfigTarget.Factory("prefixd.link", "wan"), link("ppp1", 5))),
                dir.scan(files("prefixd.link-wan.cfg", "interface = ppp1\ndebounce = 5\n")).actions());
        assertEquals(java.util.Set.of(), dir.heldBack());
        Scan broken = dir.scan(files("prefixd.link-wan.cfg", "this is not key = value\n"));
        assertFalse(broken.rejections().isEmpty(), "a broken file is reported whether or not a schema describes it");
    }

    @Test
    void appliesNothingWhenOnlyWhitespaceAndCommentsChanged() {
        scanAndCommit(files("prefixd.link-wan.cfg", "interface = ppp0\ndebounce = 5\n"));
        Scan scan = directory.scan(files("prefixd.link-wan.cfg", "# the uplink\ninterface=ppp0\n\n  debounce   =   5  \n"));
        assertEquals(List.of(), scan.actions());
        assertEquals(List.of(), scan.problems());
    }

    @Test
    void appliesNothingWhenAnIntegerIsOnlyWrittenDifferently() {
        scanAndCommit(files("prefixd.link-wan.cfg", "interface = ppp0\ndebounce = 5\n"));
        assertEquals(List.of(), directory.scan(files("prefixd.link-wan.cfg", "interface = ppp0\ndebounce = +005\n")).actions());
    }

    @Test
    void appliesAChangedValue() {
        scanAndCommit(files("prefixd.link-wan.cfg", "interface = ppp0\ndebounce = 5\n"));
        Scan scan = directory.scan(files("prefixd.link-wan.cfg", "interface = ppp0\ndebounce = 7\n"));
        assertEquals(List.of(new Action.Apply("prefixd.link-wan.cfg", new ConfigTarget.Factory("prefixd.link", "wan"),
                link("ppp0", 7))), scan.actions());
    }

    @Test
    void keepsThePreviousVersionWhenAnEditBreaksTheFile() {
        scanAndCommit(files("prefixd.link-wan.cfg", "interface = ppp0\ndebounce = 5\n"));
        Scan scan = scanAndCommit(files("prefixd.link-wan.cfg", "interface = ppp1\ndebounce = 5s\n"));
        assertEquals(List.of(), scan.actions());
        assertEquals(List.of("prefixd.link-wan.cfg:2: debounce: '5s' is not an integer"), scan.problemLines());
        assertTrue(scan.rejections().get(0).previousInForce());
        assertEquals(link("ppp0", 5), directory.inForce().get("prefixd.link-wan.cfg").properties());
    }

    @Test
    void appliesTheFixedFileAfterABrokenEdit() {
        scanAndCommit(files("prefixd.link-wan.cfg", "interface = ppp0\ndebounce = 5\n"));
        scanAndCommit(files("prefixd.link-wan.cfg", "interface = ppp1\ndebounce = 5s\n"));
        Scan scan = directory.scan(files("prefixd.link-wan.cfg", "interface = ppp1\ndebounce = 6\n"));
        assertEquals(List.of(new Action.Apply("prefixd.link-wan.cfg", new ConfigTarget.Factory("prefixd.link", "wan"),
                link("ppp1", 6))), scan.actions());
    }

    @Test
    void reportsABrokenFileThatWasNeverAppliedWithoutAnAction() {
        Scan scan = directory.scan(files("prefixd.link-wan.cfg", "debounce = 5\n"));
        assertEquals(List.of(), scan.actions());
        assertFalse(scan.rejections().get(0).previousInForce());
        assertEquals(List.of("prefixd.link-wan.cfg: missing required key 'interface'"), scan.problemLines());
    }

    @Test
    void deletesTheConfigurationOfAVanishedFile() {
        scanAndCommit(files("prefixd.link-wan.cfg", "interface = ppp0\n", "prefixd.cfg", "x = 1\n"));
        Scan scan = scanAndCommit(files("prefixd.cfg", "x = 1\n"));
        assertEquals(List.of(new Action.Delete("prefixd.link-wan.cfg", new ConfigTarget.Factory("prefixd.link", "wan"))),
                scan.actions());
        assertEquals(List.of("prefixd.cfg"), List.copyOf(directory.inForce().keySet()));
    }

    @Test
    void deletesTheConfigurationOfAFileRenamedToSomethingThatIsNoConfig() {
        scanAndCommit(files("prefixd.cfg", "x = 1\n"));
        Scan scan = directory.scan(files("prefixd.cfg.off", "x = 1\n"));
        assertEquals(List.of(new Action.Delete("prefixd.cfg", new ConfigTarget.Singleton("prefixd"))), scan.actions());
    }

    @Test
    void deletesTheOldTargetAndAppliesTheNewOneWhenAFileIsRenamed() {
        scanAndCommit(files("prefixd.link-wan.cfg", "interface = ppp0\n"));
        Scan scan = directory.scan(files("prefixd.link-uplink.cfg", "interface = ppp0\n"));
        assertEquals(List.of("delete prefixd.link~wan of prefixd.link-wan.cfg", "apply prefixd.link-uplink.cfg to prefixd.link~uplink"),
                scan.actions().stream().map(Action::toString).toList());
    }

    @Test
    void reportsEveryBrokenFileNotJustTheFirst() {
        Scan scan = directory.scan(files(
                "a.cfg", "x = 1\ny\n",
                "b.cfg", "x = 1\nx = 2\n",
                "good.cfg", "x = 1\n",
                "prefixd.link-wan.cfg", "interface = ppp0\ndebounce = soon\nextra = 1\n"));
        assertEquals(List.of(
                "a.cfg:2: expected 'key = value', found no '='",
                "b.cfg:2: duplicate key 'x'",
                "prefixd.link-wan.cfg:2: debounce: 'soon' is not an integer",
                "prefixd.link-wan.cfg:3: unknown key 'extra' (known: interface, debounce)"), scan.problemLines());
        assertEquals(List.of("apply good.cfg to good"), scan.actions().stream().map(Action::toString).toList());
    }

    @Test
    void appliesNothingOfAFileWhoseOtherKeysAreFine() {
        Scan scan = directory.scan(files("prefixd.link-wan.cfg", "interface = ppp0\ndebounce = soon\n"));
        assertEquals(List.of(), scan.actions());
        assertEquals(Map.of(), directory.inForce());
    }

    @Test
    void proposesAnApplicationAgainWhenItWasNotCommitted() {
        Map<String, byte[]> files = files("prefixd.cfg", "x = 1\n");
        directory.scan(files);
        assertEquals(1, directory.scan(files).actions().size());
    }

    @Test
    void ignoresFilesThatAreNotConfigFiles() {
        Scan scan = directory.scan(files("README", "not = a config\nat all", ".prefixd.cfg.swp", "\0\0\0", "prefixd.cfg~", "y"));
        assertEquals(List.of(), scan.actions());
        assertEquals(List.of(), scan.problems());
    }

    @Test
    void reportsAFileNameThatMakesNoPid() {
        assertEquals(List.of("-wan.cfg: '' is not a valid factory PID: name the file <factoryPid>-<name>.cfg"),
                directory.scan(files("-wan.cfg", "x = 1\n")).problemLines());
    }

    @Test
    void keepsTheConfigurationOfAFileThatCannotBeRead() {
        scanAndCommit(files("prefixd.cfg", "x = 1\n"));
        Scan scan = directory.scan(Map.of(), Map.of("prefixd.cfg", "permission denied"));
        assertEquals(List.of(), scan.actions());
        assertEquals(List.of("prefixd.cfg: cannot read: permission denied"), scan.problemLines());
    }

    @Test
    void deletesAConfigurationFromAnEarlierRunWhoseFileIsGone() throws Exception {
        directory.adopt("prefixd.link-wan.cfg", Map.of("interface", "ppp0"));
        assertEquals(List.of(new Action.Delete("prefixd.link-wan.cfg", new ConfigTarget.Factory("prefixd.link", "wan"))),
                directory.scan(files()).actions());
    }

    @Test
    void leavesAConfigurationFromAnEarlierRunAloneWhileItsFileSaysTheSame() throws Exception {
        directory.adopt("prefixd.link-wan.cfg", Map.of("interface", "ppp0", "debounce", 5));
        assertEquals(List.of(), directory.scan(files("prefixd.link-wan.cfg", "interface = ppp0\ndebounce = 5\n")).actions());
    }

    @Test
    void aFileIsCheckedAsAScanWouldTypeItWithoutApplyingIt() {
        assertEquals(List.of(), directory.check("prefixd.link-wan.cfg", "interface = wan0\ndebounce = 2\n".getBytes()));
        List<ConfigProblem> problems = directory.check("prefixd.link-wan.cfg", "interface = wan0\ndebounce = soon\n".getBytes());
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(2, problems.get(0).line());
        assertTrue(directory.check("prefixd.other.cfg", "a = 1\n".getBytes()).get(0).message().contains("no bundle describes prefixd.other"));
        assertTrue(directory.inForce().isEmpty(), "nothing applied");
    }
}
