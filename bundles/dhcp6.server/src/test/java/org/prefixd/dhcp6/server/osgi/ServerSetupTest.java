package org.prefixd.dhcp6.server.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.prefixd.dhcp6.server.ServerSettings;

class ServerSetupTest {
    /** A configuration as DS gives it: LanServerConfig's defaults with these properties (by method name) changed. */
    private static LanServerConfig config(Map<String, Object> values) {
        Map<String, Object> all = new HashMap<>(values);
        all.putIfAbsent("lan", "br-lan");
        return (LanServerConfig) Proxy.newProxyInstance(LanServerConfig.class.getClassLoader(), new Class<?>[] {LanServerConfig.class},
                (proxy, method, args) -> method.getName().equals("annotationType") ? LanServerConfig.class
                        : all.containsKey(method.getName()) ? all.get(method.getName()) : method.getDefaultValue());
    }

    private static String problem(Map<String, Object> values) {
        return assertThrows(IllegalArgumentException.class, () -> ServerSetup.from(config(values))).getMessage();
    }

    @Test
    void readsTheDefaultsReservationsAndABootUrl() {
        ServerSetup off = ServerSetup.from(config(Map.of()));
        assertEquals(ServerSettings.Mode.OFF, off.mode());
        assertEquals(ServerSettings.Assign.BY_MAC, off.assign());
        assertEquals(100, off.ratePerSource());
        ServerSetup s = ServerSetup.from(config(Map.of("dhcpv6", "stateful", "dhcpv6_assign", "by-duid",
                "dhcpv6_reservations", new String[] {"52:54:00:12:AB:CD=::10", "", "00030001020000000001 = ::ff"},
                "dhcpv6_boot_url", "http://boot.lan/{mac}")));
        assertEquals(Map.of("52:54:00:12:ab:cd", 0x10L, "00030001020000000001", 0xffL), s.reservations());
        assertEquals(Optional.of("http://boot.lan/{mac}"), s.bootUrl());
    }

    @Test
    void badValuesNameTheirProperty() {
        assertTrue(problem(Map.of("dhcpv6", "yes")).startsWith("prefixd.lan: dhcpv6: 'yes'"));
        assertTrue(problem(Map.of("dhcpv6_assign", "by-ip")).startsWith("prefixd.lan: dhcpv6.assign:"));
        assertTrue(problem(Map.of("dhcpv6_reservations", new String[] {"52:54:00:12:ab:cd=::1"})).contains("::1 is not in ::2 to ::ffff"));
        assertTrue(problem(Map.of("dhcpv6_reservations", new String[] {"52:54:00:12:ab:cd=2001:db8::10"})).contains("upper 64"));
        assertTrue(problem(Map.of("dhcpv6_reservations", new String[] {"52:54:00:12:ab:cd=::10", "52:54:00:12:ab:ce=::10"})).contains("reserved twice"));
        assertTrue(problem(Map.of("dhcpv6_reservations", new String[] {"zz=::10"})).startsWith("prefixd.lan: dhcpv6.reservations: 'zz=::10'"));
        assertTrue(problem(Map.of("dhcpv6_boot_url", "http://x/\"; reboot")).startsWith("prefixd.lan: dhcpv6.boot.url:"));
        assertTrue(problem(Map.of("dhcpv6_lease_time", 10L)).contains("dhcpv6.lease.time: 10"));
        assertTrue(problem(Map.of("dhcpv6_rate_per_lan", 0)).contains("dhcpv6.rate.per.lan: 0"));
        assertTrue(problem(Map.of("dhcpv6", "stateful", "delegate", 65)).contains("delegate: 65 is not a prefix length"));
        assertTrue(problem(Map.of("dhcpv6_reservations", new String[] {"52:54:00:12:ab:cd=print$er"})).contains("is not ::id nor a host name"));
        assertTrue(problem(Map.of("dhcpv6_reservations", new String[] {"52:54:00:12:ab:cd=printer", "52:54:00:12:ab:ce=Printer"})).contains("reserved twice"));
        ServerSetup named = ServerSetup.from(config(Map.of("dhcpv6", "stateful", "dhcpv6_reservations", new String[] {"52:54:00:12:ab:cd=::10 Printer", "00030001020000000001=nas.home"})));
        assertEquals(Map.of("52:54:00:12:ab:cd", 0x10L), named.reservations());
        assertEquals(Map.of("52:54:00:12:ab:cd", "printer", "00030001020000000001", "nas.home"), named.names());
        assertTrue(problem(Map.of("delegate", 60)).contains("delegate: 60 needs dhcpv6 = stateless or stateful"));
        assertEquals(java.util.OptionalInt.of(60), ServerSetup.from(config(Map.of("dhcpv6", "stateless", "delegate", 60))).delegate());
    }
}
