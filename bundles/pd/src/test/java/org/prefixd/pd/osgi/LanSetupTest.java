package org.prefixd.pd.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.prefixd.api.InterfaceName;
import org.prefixd.api.LanSettings;

class LanSetupTest {
    /** A configuration as DS gives it: LanConfig's defaults with these properties (by method name) changed. */
    private static LanConfig config(Map<String, Object> values) {
        Map<String, Object> all = new HashMap<>(values);
        all.putIfAbsent("lan", "br-lan");
        return (LanConfig) Proxy.newProxyInstance(LanConfig.class.getClassLoader(), new Class<?>[] {LanConfig.class},
                (proxy, method, args) -> method.getName().equals("annotationType") ? LanConfig.class
                        : all.containsKey(method.getName()) ? all.get(method.getName()) : method.getDefaultValue());
    }

    private static String problem(Map<String, Object> values) {
        return assertThrows(IllegalArgumentException.class, () -> LanSetup.from(config(values))).getMessage();
    }

    @Test
    void readsTheDefaultsAndAHexHint() {
        LanSetup s = LanSetup.from(config(Map.of("hint", "1f", "wan", new String[] {"ppp0"}, "iapd", new String[] {"", "2", " "})));
        assertEquals(java.util.Set.of(2L), s.request().iaids(), "blank entries (as the console's form sends them) are no IAIDs");
        assertEquals(64, s.request().length());
        assertEquals(OptionalLong.of(0x1f), s.request().hint());
        assertEquals(Set.of(InterfaceName.of("ppp0")), s.request().wans());
        assertEquals("::1", org.prefixd.api.Ipv6Text.format(s.interfaceId()));
        assertEquals(LanSettings.DnsSource.LEASE, s.settings().dns());
        assertTrue(s.settings().advertise());
    }

    @Test
    void refusesBadValuesNamingTheProperty() {
        assertTrue(problem(Map.of("lan", "br lan")).startsWith("prefixd.lan: lan:"));
        assertTrue(problem(Map.of("assign", 65)).startsWith("prefixd.lan: assign:"));
        assertTrue(problem(Map.of("hint", "0x10")).startsWith("prefixd.lan: hint:"));
        assertTrue(problem(Map.of("ifaceid", "2001:db8::1")).contains("upper 64"));
        assertTrue(problem(Map.of("ifaceid", "::")).contains("anycast"));
        assertTrue(problem(Map.of("dns", "google")).startsWith("prefixd.lan: dns:"));
        assertTrue(problem(Map.of("dns", "fixed", "dns_servers", new String[] {"ff02::1"})).contains("not a unicast address"));
        assertTrue(problem(Map.of("dns_domains", new String[] {"a;b"})).contains("not a host name"));
        assertTrue(problem(Map.of("mtu", 1000)).startsWith("prefixd.lan: mtu:"));
        assertTrue(problem(Map.of("wan", new String[] {"ppp0;x"})).startsWith("prefixd.lan: wan:"));
        assertTrue(problem(Map.of("iapd", new String[] {"-1"})).startsWith("prefixd.lan: iapd:"));
        assertTrue(problem(Map.of("iapd", new String[] {"4294967296"})).startsWith("prefixd.lan: iapd:"));
    }

    @Test
    void theDhcpv6ServersModeSetsTheRasFlags() {
        LanSettings off = LanSetup.from(config(Map.of())).settings();
        assertTrue(!off.managed() && !off.otherConfig(), "off: as before");
        LanSettings stateless = LanSetup.from(config(Map.of("dhcpv6", "stateless"))).settings();
        assertTrue(!stateless.managed() && stateless.otherConfig(), "stateless: O");
        LanSettings stateful = LanSetup.from(config(Map.of("dhcpv6", "stateful"))).settings();
        assertTrue(stateful.managed() && stateful.otherConfig(), "stateful: M and O");
        assertTrue(problem(Map.of("dhcpv6", "on")).contains("dhcpv6: 'on' is not off, stateless or stateful"));
    }
}
