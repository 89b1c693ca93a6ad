package org.prefixd.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigTargetTest {
    @Test
    void mapsAFileNameWithoutADashToASingletonPid() throws Exception {
        ConfigTarget target = ConfigTarget.ofFile("org.apache.felix.webconsole.internal.servlet.OsgiManager.cfg");
        assertEquals(new ConfigTarget.Singleton("org.apache.felix.webconsole.internal.servlet.OsgiManager"), target);
        assertEquals("org.apache.felix.webconsole.internal.servlet.OsgiManager", target.pid());
        assertEquals(target.pid(), target.schemaPid());
    }

    @Test
    void mapsAFileNameWithADashToANamedFactoryConfiguration() throws Exception {
        ConfigTarget target = ConfigTarget.ofFile("prefixd.link-wan.cfg");
        assertEquals(new ConfigTarget.Factory("prefixd.link", "wan"), target);
        assertEquals("prefixd.link", target.schemaPid());
    }

    @Test
    void splitsAtTheFirstDashSoTheNameMayContainDashes() throws Exception {
        assertEquals(new ConfigTarget.Factory("prefixd.lan", "br-lan"), ConfigTarget.ofFile("prefixd.lan-br-lan.cfg"));
    }

    @Test
    void namesAFactoryConfigurationAsConfigAdminDoes() {
        assertEquals("prefixd.link~wan", new ConfigTarget.Factory("prefixd.link", "wan").pid());
        assertEquals("prefixd.link~wan", new ConfigTarget.Factory("prefixd.link", "wan").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"prefixd.cfg", "prefixd.link-wan.cfg", "a.cfg"})
    void takesFilesEndingInCfgAsConfigFiles(String name) {
        assertTrue(ConfigTarget.isConfigFile(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"README", "prefixd.config", "prefixd.cfg~", ".prefixd.cfg.swp", ".prefixd.cfg",
        ".#prefixd.cfg", "#prefixd.cfg#", "prefixd.cfg.bak", "prefixd.cfg.dpkg-new", "prefixd.CFG", ".cfg"})
    void ignoresOtherFilesHiddenFilesAndEditorLeftovers(String name) {
        assertFalse(ConfigTarget.isConfigFile(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-wan.cfg", "prefixd.link-.cfg", "my pid.cfg", "prefixd.link-a~b.cfg", "prefixd..link.cfg"})
    void rejectsAFileNameThatMakesNoValidPid(String name) {
        ConfigFileException e = assertThrows(ConfigFileException.class, () -> ConfigTarget.ofFile(name));
        assertEquals(name, e.file());
        assertEquals(0, e.line());
    }
}
