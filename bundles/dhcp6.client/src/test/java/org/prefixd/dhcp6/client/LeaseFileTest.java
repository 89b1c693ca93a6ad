package org.prefixd.dhcp6.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prefixd.dhcp6.codec.Bytes;
import org.prefixd.dhcp6.codec.DomainName;
import org.prefixd.dhcp6.codec.Duid;

class LeaseFileTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private static Inet6Address ip(String text) {
        try {
            return (Inet6Address) InetAddress.getByName(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static final Lease LEASE = new Lease(new Duid.Enterprise(2495, Bytes.fromHex("0102030405")),
            List.of(new IaBinding(IaBinding.Type.NA, 1, NOW.plusSeconds(100), NOW.plusSeconds(160),
                            List.of(new LeasedAddress(ip("2001:db8::100"), NOW.plusSeconds(200), NOW.plusSeconds(300))), List.of()),
                    new IaBinding(IaBinding.Type.PD, 2, NOW.plusSeconds(100), NOW.plusSeconds(160), List.of(),
                            List.of(new LeasedPrefix(ip("2001:db8:100::"), 56, NOW.plusSeconds(200), LeaseTimes.FOREVER)))),
            new ServerInformation(List.of(ip("2001:db8::53")), List.of(DomainName.of("example.com")), List.of(), List.of(ip("2001:db8::123")),
                    List.of(DomainName.of("ntp.example.net")), List.of(ip("2001:db8::5060")), List.of(DomainName.of("sip.example.net")),
                    Optional.of(DomainName.of("aftr.example.net"))),
            Optional.of(new ReconfigureKey(Bytes.fromHex("000102030405060708090a0b0c0d0e0f"), -2L))); // -2: an unsigned value above 2^63

    @Test
    void writesAndReadsBackTheSameLease(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lease-wan.json");
        LeaseFile.write(file, LEASE);
        assertEquals(Optional.of(LEASE), LeaseFile.read(file));
        assertTrue(Files.list(dir).allMatch(f -> f.equals(file)), "no temporary file left behind");
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
                "the owner's only: it holds the Reconfigure key");
    }

    @Test
    void keepsAPrefixsExclusionAndRefusesOneOutsideIt() {
        Lease excluding = new Lease(LEASE.server(), List.of(new IaBinding(IaBinding.Type.PD, 2, NOW.plusSeconds(100), NOW.plusSeconds(160), List.of(),
                List.of(new LeasedPrefix(ip("2001:db8:100::"), 56, NOW.plusSeconds(200), NOW.plusSeconds(300),
                        Optional.of(new org.prefixd.api.Prefix(ip("2001:db8:100:1::"), 64)))))), LEASE.information(), Optional.empty());
        String json = LeaseFile.toJson(excluding);
        assertTrue(json.contains("\"excluded\":\"2001:db8:100:1::/64\""), json);
        assertEquals(excluding, LeaseFile.fromJson(json));
        assertFalse(LeaseFile.toJson(LEASE).contains("excluded"), "none, no key: an earlier prefixd reads it");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LeaseFile.fromJson(json.replace("2001:db8:100:1::/64", "2001:db8:200:1::/64")));
    }

    @Test
    void keepsTheReceivedOptionsAndRefusesAFileWithABadOne() {
        ServerInformation i = LEASE.information();
        Lease withOptions = new Lease(LEASE.server(), LEASE.ias(), new ServerInformation(i.dnsServers(), i.domains(), i.sntpServers(), i.ntpServers(),
                i.ntpNames(), i.sipServers(), i.sipDomains(), i.aftr(), List.of(new org.prefixd.api.ReceivedOption(65001, "deadbeef"))), LEASE.reconfigureKey());
        String json = LeaseFile.toJson(withOptions);
        assertTrue(json.contains("\"options\":[{\"code\":65001,\"hex\":\"deadbeef\"}]"), json);
        assertEquals(withOptions, LeaseFile.fromJson(json));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> LeaseFile.fromJson(json.replace("deadbeef", "$(reboot)")));
    }

    @Test
    void readsAFileOfAnEarlierPrefixdWithoutNtpAndSip() {
        String older = LeaseFile.toJson(LEASE).replaceAll(",\"(ntp|ntpNames|sip|sipDomains)\":\\[[^\\]]*\\]", "");
        assertTrue(!older.contains("\"ntp\"") && !older.contains("\"sip\""), older);
        assertEquals(List.of(), LeaseFile.fromJson(older).information().ntpServers());
        assertEquals(LEASE.ias(), LeaseFile.fromJson(older).ias());
    }

    @Test
    void namesThePrefixdThatWroteItAndReadsFilesThatDoNot(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lease-wan.json");
        LeaseFile.write(file, LEASE, Optional.of("0f3c1c5e-framework"));
        assertEquals(Optional.of(new LeaseFile.Stored(LEASE, Optional.of("0f3c1c5e-framework"))), LeaseFile.readStored(file));
        LeaseFile.write(file, LEASE);
        assertEquals(Optional.empty(), LeaseFile.readStored(file).orElseThrow().writtenBy(), "a file of an earlier prefixd names nobody");
    }

    @Test
    void keepsTheLastEventNoListenerHeardAndRefusesABadOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lease-wan0.json");
        LeaseFile.write(file, LEASE, Optional.of("fw"), Optional.of(new LeaseFile.Unheard("renewed", "mi3x9c1k-17")));
        assertEquals(Optional.of(new LeaseFile.Unheard("renewed", "mi3x9c1k-17")), LeaseFile.readStored(file).orElseThrow().unheard());
        String text = java.nio.file.Files.readString(file);
        assertThrows(IllegalArgumentException.class, () -> LeaseFile.storedFromJson(text.replace("\"renewed\"", "\"re newed\"")));
        LeaseFile.write(file, LEASE, Optional.of("fw"));
        assertEquals(Optional.empty(), LeaseFile.readStored(file).orElseThrow().unheard());
    }

    @Test
    void noFileIsNoLease(@TempDir Path dir) throws Exception {
        assertEquals(Optional.empty(), LeaseFile.read(dir.resolve("missing.json")));
    }

    @Test
    void refusesADamagedOrEditedFile() {
        String json = LeaseFile.toJson(LEASE);
        assertThrows(IllegalArgumentException.class, () -> LeaseFile.fromJson(json.substring(0, json.length() / 2)));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LeaseFile.fromJson(json.replace("2001:db8:100::", "ff02::")))
                .getMessage().contains("multicast"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LeaseFile.fromJson(json.replace("\"length\":56", "\"length\":0")))
                .getMessage().contains("range"));
        assertThrows(IllegalArgumentException.class, () -> LeaseFile.fromJson(json.replace("2001:db8::53", "evil.example.com")));
        assertThrows(IllegalArgumentException.class, () -> LeaseFile.fromJson(json.replace("example.com", "a;reboot")));
        assertThrows(IllegalArgumentException.class, () -> LeaseFile.fromJson(json.replace("000102030405060708090a0b0c0d0e0f", "0001")));
    }
}
