package org.prefixd.dhcp6.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prefixd.api.ReceivedOption;

class Lease4FileTest {
    @TempDir
    Path dir;

    private static final Instant T = Instant.parse("2026-12-07T10:00:00Z");

    private static Inet4Address ip(String text) {
        try {
            return (Inet4Address) InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static Lease4 lease() {
        return new Lease4(ip("192.0.2.1"), ip("192.0.2.100"), 24, List.of(ip("192.0.2.1")), List.of(ip("192.0.2.53"), ip("198.51.100.53")),
                T, T.plusSeconds(1800), T.plusSeconds(3150), T.plusSeconds(3600), List.of(new ReceivedOption(43, "0102")));
    }

    @Test
    void readsBackWhatItWroteWithItsWriter() throws Exception {
        Path file = dir.resolve("lease4-wan0.json");
        assertEquals(Optional.empty(), Lease4File.read(file));
        Lease4File.write(file, lease(), Optional.of("framework-1"), Optional.of(org.prefixd.api.InterfaceName.of("tun4")));
        Lease4File.Stored stored = Lease4File.read(file).orElseThrow();
        assertEquals(lease(), stored.lease());
        assertEquals(Optional.of("framework-1"), stored.writtenBy());
        assertEquals(Optional.of(org.prefixd.api.InterfaceName.of("tun4")), stored.iface());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void refusesAFileWithAnAddressNoDhcpackCouldGiveOrANameToResolve() {
        String good = Lease4File.toJson(lease(), Optional.empty(), Optional.of(org.prefixd.api.InterfaceName.of("tun4")));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Lease4File.fromJson(good.replace("\"tun4\"", "\"../x\"")))
                .getMessage().startsWith("interface:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Lease4File.fromJson(good.replace("\"192.0.2.100\"", "\"127.0.0.1\"")))
                .getMessage().contains("loopback"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Lease4File.fromJson(good.replace("\"192.0.2.53\"", "\"router.example\"")))
                .getMessage().contains("'router.example' is not an IPv4 address"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Lease4File.fromJson(good.replace("\"prefixLength\":24", "\"prefixLength\":33")))
                .getMessage().contains("prefix length 33"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Lease4File.fromJson(good.substring(0, 40)))
                .getMessage().startsWith("not an IPv4 lease file"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Lease4File.fromJson(good.replace("\"hex\":\"0102\"", "\"hex\":\"x\"")))
                .getMessage().length() > 0);
    }
}
