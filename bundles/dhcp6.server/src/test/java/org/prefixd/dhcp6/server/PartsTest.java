package org.prefixd.dhcp6.server;

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
import org.prefixd.dhcp6.codec.Duid;

/** The server's small parts: MAC extraction, the lease file, the rate limits. */
class PartsTest {
    @TempDir
    Path dir;

    private static Inet6Address ip(String text) throws Exception {
        return (Inet6Address) InetAddress.getByName(text);
    }

    @Test
    void findsTheMacInDuidLlAndLltAndInEui64LinkLocalsOnly() throws Exception {
        assertEquals(Optional.of(MacAddress.parse("52:54:00:12:ab:cd")), MacAddress.fromDuid(new Duid.LinkLayer(1, Bytes.fromHex("52540012abcd"))));
        assertEquals(Optional.of(MacAddress.parse("52-54-00-12-AB-CD")), MacAddress.fromDuid(new Duid.LinkLayerPlusTime(1, 7, Bytes.fromHex("52540012abcd"))));
        assertEquals(Optional.empty(), MacAddress.fromDuid(new Duid.LinkLayer(6, Bytes.fromHex("52540012abcd"))), "not Ethernet");
        assertEquals(Optional.empty(), MacAddress.fromDuid(new Duid.Enterprise(9, Bytes.fromHex("0102"))));
        assertEquals(Optional.of(MacAddress.parse("52:54:00:12:ab:cd")), MacAddress.fromEui64LinkLocal(ip("fe80::5054:ff:fe12:abcd")));
        assertEquals(Optional.empty(), MacAddress.fromEui64LinkLocal(ip("fe80::1c2d:3e4f:5a6b:7c8d")), "a stable-privacy link-local");
        assertEquals(Optional.empty(), MacAddress.fromEui64LinkLocal(ip("2001:db8::5054:ff:fe12:abcd")), "not link-local");
        assertThrows(IllegalArgumentException.class, () -> MacAddress.parse("52:54:00:12:ab"));
        assertEquals("52:54:00:12:ab:cd", MacAddress.parse("52:54:00:12:AB:CD").text());
    }

    @Test
    void theLeaseFileReadsBackWhatItWroteAndRefusesWhatItCouldNotHave() throws Exception {
        LanLease a = new LanLease(new Duid.LinkLayer(1, Bytes.fromHex("52540012abcd")), 1, 0x52540012abcdL, LanLease.How.BY_MAC,
                Optional.of(MacAddress.parse("52:54:00:12:ab:cd")), Instant.parse("2026-12-07T11:00:00Z"), Optional.of(org.prefixd.api.Ipv6Text.parse("fe80::5054:ff:fe12:abcd")));
        LanLease b = new LanLease(Duid.fromHex("00040102030405060708090a0b0c0d0e0f10"), 0xffffffffL, InterfaceIds.byDuid(a.client(), 2, 0),
                LanLease.How.BY_DUID, Optional.empty(), Instant.parse("2026-12-07T11:00:00Z"), Optional.empty());
        Path file = dir.resolve("lan-leases-lan0.json");
        assertEquals(List.of(), LanLeaseFile.read(file));
        LanLeaseFile.write(file, List.of(a, b));
        assertEquals(List.of(a, b), LanLeaseFile.read(file));
        String text = Files.readString(file);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LanLeaseFile.fromJson(text.replace("\"BY_MAC\"", "\"ANY\""))).getMessage().length() > 0);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LanLeaseFile.fromJson(text.replace("52540012abcd\",\"how", "zz\",\"how")))
                .getMessage().contains("is not hex"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LanLeaseFile.fromJson(text.replace("\"iaid\":1,", "\"iaid\":4294967296,")))
                .getMessage().contains("does not fit 32 bits"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LanLeaseFile.fromJson("{")).getMessage().startsWith("not a LAN lease file"));
    }

    @Test
    void aSourceGetsItsBurstThenItsRateAndOthersAreNotHeldUp() {
        RateLimits limits = new RateLimits(10, 1000);
        Instant t = Instant.parse("2026-12-07T10:00:00Z");
        int allowed = 0;
        for (int i = 0; i < 100; i++) if (limits.allowSource("fe80::1", t)) allowed++;
        assertEquals(20, allowed, "a burst of twice the rate");
        assertFalse(limits.allowSource("fe80::1", t));
        assertTrue(limits.allowSource("fe80::2", t), "another source is not held up");
        assertTrue(limits.allowSource("fe80::1", t.plusMillis(150)), "10 a second: one more after 100 ms");
        assertFalse(limits.allowSource("fe80::1", t.plusMillis(150)));
    }

    @Test
    void theLanAndEachClientHaveTheirOwnBuckets() {
        RateLimits limits = new RateLimits(1000, 5);
        Instant t = Instant.parse("2026-12-07T10:00:00Z");
        int allowed = 0;
        for (int i = 0; i < 100; i++) if (limits.allowSource("fe80::" + Integer.toHexString(i + 1), t)) allowed++;
        assertEquals(10, allowed, "the LAN's burst, whatever the sources");
        int client = 0;
        for (int i = 0; i < 100; i++) if (limits.allowClient("00030001aabbccddeeff", t)) client++;
        assertEquals((int) (2 * RateLimits.PER_CLIENT_RATE), client);
        assertTrue(limits.allowClient("00030001aabbccddee00", t), "another DUID");
    }
}
