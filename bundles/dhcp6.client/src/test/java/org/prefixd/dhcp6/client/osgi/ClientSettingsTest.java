package org.prefixd.dhcp6.client.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prefixd.dhcp6.client.SessionSettings;
import org.prefixd.dhcp6.codec.Bytes;
import org.prefixd.dhcp6.codec.Duid;
import org.prefixd.dhcp6.codec.RawOption;

class ClientSettingsTest {
    @TempDir
    Path state;

    /** A configuration as DS would give it: the defaults of ClientConfig, with these properties (by method name) changed. */
    private static ClientConfig config(Map<String, Object> values) {
        return (ClientConfig) Proxy.newProxyInstance(ClientConfig.class.getClassLoader(), new Class<?>[] {ClientConfig.class},
                (proxy, method, args) -> method.getName().equals("annotationType") ? ClientConfig.class
                        : values.containsKey(method.getName()) ? values.get(method.getName()) : method.getDefaultValue());
    }

    private SessionSettings session(Map<String, Object> values) throws Exception {
        java.util.Map<String, Object> all = new java.util.HashMap<>(values);
        all.putIfAbsent("link", "wan0");
        return ClientSettings.from(config(all), state).session();
    }

    private String problem(Map<String, Object> values) {
        java.util.Map<String, Object> all = new java.util.HashMap<>(values);
        all.putIfAbsent("link", "wan0");
        return assertThrows(IllegalArgumentException.class, () -> ClientSettings.from(config(all), state)).getMessage();
    }

    @Test
    void keepsItsDuidAndMakesANewOneWhenTheFileIsDamagedKeepingTheBadFileAside() throws Exception {
        Duid first = session(Map.of()).clientDuid();
        assertEquals(first, session(Map.of()).clientDuid(), "the DUID is kept across starts (RFC 8415 §11)");
        java.nio.file.Files.writeString(state.resolve("duid"), "00 04 zz\n");
        List<String> told = new java.util.ArrayList<>();
        Duid fresh = ClientSettings.from(config(Map.of("link", "wan0")), state, told::add).session().clientDuid();
        assertTrue(!fresh.equals(first), "a new DUID rather than no DHCPv6 at all");
        assertEquals(1, told.size());
        assertTrue(told.get(0).contains(state.resolve("duid") + " is damaged") && told.get(0).contains("the file is kept as"), told.get(0));
        try (var files = java.nio.file.Files.list(state)) {
            List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
            assertEquals(2, names.size(), names.toString());
            assertTrue(names.get(1).startsWith("duid.damaged-"), names.toString());
            assertEquals("00 04 zz\n", java.nio.file.Files.readString(state.resolve(names.get(1))), "the bad file is kept as it was");
        }
        assertEquals(fresh, session(Map.of()).clientDuid(), "the new DUID is kept from then on");
    }

    @Test
    void readsIaPdEntriesWithLengthOrPrefixHints() throws Exception {
        SessionSettings s = session(Map.of("iapd", new String[] {"1", "2/56", "3/2001:db8:100::/48"}));
        assertEquals(List.of(new SessionSettings.PdRequest(1, 0, Optional.empty()), new SessionSettings.PdRequest(2, 56, Optional.empty())),
                s.pd().subList(0, 2));
        assertEquals("2001:db8:100:0:0:0:0:0", s.pd().get(2).hint().orElseThrow().getHostAddress());
        assertEquals(48, s.pd().get(2).hintLength());
    }

    @Test
    void refusesAPrefixHintThatIsNoDelegation() {
        assertTrue(problem(Map.of("iapd", new String[] {"3/2001:db8::/8"})).contains("iapd: '3/2001:db8::/8'"));
        assertTrue(problem(Map.of("iapd", new String[] {"3/example.com/56"})).contains("iapd:"));
    }

    @Test
    void takesAPreferredServerRequestedOptionsAndExtraOptions() throws Exception {
        SessionSettings s = session(Map.of("prefer_server", "00020000099f0102", "request_options", new String[] {"31", "", "64", "31"},
                "send_options", new String[] {"15:000474657374"}));
        assertEquals(Optional.of(Duid.fromHex("00020000099f0102")), s.preferredServer());
        assertEquals(List.of(31, 64), s.requestedOptions());
        assertEquals(List.of(new RawOption(15, Bytes.fromHex("000474657374"))), s.extraOptions());
    }

    @Test
    void refusesExtraOptionsTheClientWritesItselfAndBadHex() {
        assertTrue(problem(Map.of("send_options", new String[] {"1:0001"})).contains("is written by the client itself"));
        assertTrue(problem(Map.of("send_options", new String[] {"25:00"})).contains("is written by the client itself"));
        assertTrue(problem(Map.of("send_options", new String[] {"15:zz"})).startsWith("prefixd.dhcp6: send.options: '15:zz'"));
        assertTrue(problem(Map.of("send_options", new String[] {"70000:00"})).contains("not an option code"));
        assertTrue(problem(Map.of("request_options", new String[] {"0"})).contains("request.options: 0"));
        assertTrue(problem(Map.of("request_options", new String[] {"x"})).contains("request.options: x"));
        assertTrue(problem(Map.of("prefer_server", "0002")).startsWith("prefixd.dhcp6: prefer.server:"));
    }

    @Test
    void dhcpv4OverDhcpv6AsksForOption88AndTakesItsClientIdIaidFromTheIaNaOrElseTheFirstIaPd() throws Exception {
        ClientSettings off = ClientSettings.from(config(Map.of("link", "wan0")), state);
        assertEquals(Optional.empty(), off.dhcp4o6());
        assertTrue(!off.session().requestedOptions().contains(88));
        ClientSettings on = ClientSettings.from(config(Map.of("link", "wan0", "dhcp4o6_enabled", true, "iana", 7L,
                "dhcp4o6_interface", "tun4", "dhcp4o6_options", new String[] {"43", "", "121", "43"})), state);
        assertEquals(List.of(88), on.session().requestedOptions());
        assertEquals(Optional.of(new ClientSettings.FourOverSix(Optional.of(org.prefixd.api.InterfaceName.of("tun4")), List.of(43, 121), 7L)), on.dhcp4o6());
        ClientSettings pdOnly = ClientSettings.from(config(Map.of("link", "wan0", "dhcp4o6_enabled", true, "iapd", new String[] {"5/56"})), state);
        assertEquals(5L, pdOnly.dhcp4o6().orElseThrow().iaid());
        assertEquals(Optional.empty(), pdOnly.dhcp4o6().orElseThrow().iface(), "no interface: the hooks only");
    }

    @Test
    void refusesBadDhcpv4OverDhcpv6Settings() {
        assertTrue(problem(Map.of("dhcp4o6_enabled", true, "dhcp4o6_options", new String[] {"255"})).contains("dhcp4o6.options: 255"));
        assertTrue(problem(Map.of("dhcp4o6_enabled", true, "dhcp4o6_options", new String[] {"0x2b"})).contains("dhcp4o6.options: 0x2b"));
        assertTrue(problem(Map.of("dhcp4o6_enabled", true, "dhcp4o6_interface", "bad name/")).startsWith("prefixd.dhcp6: dhcp4o6.interface:"));
        assertTrue(problem(Map.of("dhcp4o6_enabled", true, "stateless", true, "iapd", new String[0])).contains("dhcp4o6.enabled needs a stateful session"));
    }
}
