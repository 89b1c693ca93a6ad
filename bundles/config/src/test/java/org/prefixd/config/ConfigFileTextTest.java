package org.prefixd.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ConfigFileTextTest {
    @Test
    void aConfigurationIsWrittenSortedUnderItsCommentAndReadsBackAsItself() throws Exception {
        String text = ConfigFileText.render(Map.of("lan", "lan0", "hint", "5", "dns", "2001:db8::53, 2001:db8::54"), "from the fleet");
        assertEquals("# from the fleet\ndns = 2001:db8::53, 2001:db8::54\nhint = 5\nlan = lan0\n", text);
        ConfigFile file = ConfigFile.parse("prefixd.lan-lan0.cfg", text.getBytes(StandardCharsets.UTF_8));
        assertEquals("5", file.property("hint").orElseThrow().value());
        assertEquals(3, file.properties().size());
    }

    @Test
    void nothingCanSlipAnotherLineIntoTheFile() {
        var e = assertThrows(IllegalArgumentException.class, () -> ConfigFileText.render(Map.of("hint", "5\nscript = /tmp/x"), "c"));
        assertTrue(e.getMessage().startsWith("hint: a value with a control character"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ConfigFileText.render(Map.of("hint\n", "5"), "c"));
        assertThrows(IllegalArgumentException.class, () -> ConfigFileText.render(Map.of("a b", "5"), "c"));
        assertThrows(IllegalArgumentException.class, () -> ConfigFileText.render(Map.of("hint", " 5"), "c"));
        assertThrows(IllegalArgumentException.class, () -> ConfigFileText.render(Map.of("hint", "5"), "c\nd = 1"));
    }

    @Test
    void aPidNamesItsFileAndBack() throws Exception {
        assertEquals("prefixd.radvd.cfg", ConfigTarget.ofPid("prefixd.radvd").fileName());
        assertEquals("prefixd.lan-lan0.cfg", ConfigTarget.ofPid("prefixd.lan~lan0").fileName());
        assertEquals("prefixd.lan~lan-x", ConfigTarget.ofFile(ConfigTarget.ofPid("prefixd.lan~lan-x").fileName()).pid());
        assertThrows(IllegalArgumentException.class, () -> ConfigTarget.ofPid("prefixd.lan~"));
        assertThrows(IllegalArgumentException.class, () -> ConfigTarget.ofPid("../etc/passwd"));
        assertThrows(IllegalArgumentException.class, () -> ConfigTarget.ofPid("prefixd.lan~a/b"));
    }
}
