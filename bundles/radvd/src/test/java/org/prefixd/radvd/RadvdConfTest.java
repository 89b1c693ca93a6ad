package org.prefixd.radvd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prefixd.api.InterfaceName;
import org.prefixd.api.Ipv6Text;
import org.prefixd.api.Prefix;

class RadvdConfTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private static Prefix p(String network) {
        return new Prefix(Ipv6Text.parse(network), 64);
    }

    /** Two LANs: one renumbered (the old /64 deprecated, still valid for a while), one with DHCPv6 and an MTU. */
    static List<LanAdvert> twoLans() {
        LanAdvert lan = new LanAdvert(InterfaceName.of("br-lan"), List.of(
                new LanAdvert.PrefixAdvert(p("2001:db8:900::"), NOW.plusSeconds(1800), NOW.plusSeconds(3600)),
                new LanAdvert.PrefixAdvert(p("2001:db8:100::"), NOW.minusSeconds(5), NOW.plusSeconds(900))),
                false, true, List.of(Ipv6Text.parse("2001:db8:ffff::53")), List.of("example.com", "lan"), OptionalInt.empty());
        LanAdvert guest = new LanAdvert(InterfaceName.of("guest0"), List.of(
                new LanAdvert.PrefixAdvert(p("2001:db8:900:1::"), NOW.plusSeconds(1800), NOW.plusSeconds(3600))),
                true, true, List.of(), List.of(), OptionalInt.of(1480));
        return List.of(lan, guest);
    }

    private static String golden(String name) throws IOException {
        try (var in = RadvdConfTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void rendersTheGoldenFileWhateverOrderTheLansComeIn() throws Exception {
        assertEquals(golden("two-lans.conf"), RadvdConf.render(twoLans(), NOW));
        assertEquals(golden("two-lans.conf"), RadvdConf.render(List.of(twoLans().get(1), twoLans().get(0)), NOW));
    }

    @Test
    void theFormOfAFileLeavesOutItsValuesButNotHowManyThereAre() {
        String form = RadvdConf.form(RadvdConf.render(twoLans(), NOW));
        assertEquals(form, RadvdConf.form(RadvdConf.render(twoLans(), NOW.plusSeconds(1000))), "lifetimes");
        LanAdvert lan = twoLans().get(0);
        LanAdvert renamed = new LanAdvert(lan.lan(), List.of(new LanAdvert.PrefixAdvert(p("2001:db8:abcd::"), NOW.minusSeconds(60), NOW.plusSeconds(120)),
                new LanAdvert.PrefixAdvert(p("2001:db8:ef::"), NOW.plusSeconds(30), NOW.plusSeconds(90))),
                false, true, List.of(Ipv6Text.parse("2001:db8::1")), List.of("other.example", "x"), OptionalInt.empty());
        assertEquals(form, RadvdConf.form(RadvdConf.render(List.of(renamed, twoLans().get(1)), NOW)), "prefixes, addresses, names");
        LanAdvert moreDns = new LanAdvert(lan.lan(), lan.prefixes(), false, true, List.of(Ipv6Text.parse("2001:db8::1"), Ipv6Text.parse("2001:db8::2")),
                lan.domains(), OptionalInt.empty());
        assertTrue(!form.equals(RadvdConf.form(RadvdConf.render(List.of(moreDns, twoLans().get(1)), NOW))), "a second DNS server");
        LanAdvert moreNames = new LanAdvert(lan.lan(), lan.prefixes(), false, true, lan.dnsServers(), List.of("a.example", "b.example", "c"), OptionalInt.empty());
        assertTrue(!form.equals(RadvdConf.form(RadvdConf.render(List.of(moreNames, twoLans().get(1)), NOW))), "a third domain");
        assertTrue(!form.equals(RadvdConf.form(RadvdConf.render(List.of(lan), NOW))), "one LAN fewer");
        assertTrue(form.contains("prefix A\n") && form.contains("RDNSS A\n") && form.contains("DNSSL D D\n") && form.contains("AdvLinkMTU N;"), form);
    }

    @Test
    void neverPromisesMoreThanIsLeftAndCountsDownFromThere() {
        String later = RadvdConf.render(twoLans(), NOW.plusSeconds(1000));
        assertTrue(later.contains("prefix 2001:db8:100::/64\n    {\n        AdvOnLink on;\n        AdvAutonomous on;\n        AdvPreferredLifetime 0;\n        AdvValidLifetime 0;"), later);
        assertTrue(later.contains("AdvPreferredLifetime 800;\n        AdvValidLifetime 2600;"), later);
    }

    @Test
    void refusesWhatCouldNotBeWrittenSafely() {
        assertThrows(IllegalArgumentException.class, () -> new LanAdvert(InterfaceName.of("br-lan"), List.of(), false, false, List.of(),
                List.of("example.com;\n};\ninterface eth0"), OptionalInt.empty()));
        assertThrows(IllegalArgumentException.class, () -> new LanAdvert.PrefixAdvert(new Prefix(Ipv6Text.parse("2001:db8::"), 56), NOW, NOW));
        assertThrows(IllegalArgumentException.class, () -> new LanAdvert(InterfaceName.of("br-lan"), List.of(), false, false,
                List.of(Ipv6Text.parse("ff02::1")), List.of(), OptionalInt.empty()));
        assertThrows(IllegalArgumentException.class, () -> new LanAdvert(InterfaceName.of("br-lan"), List.of(), false, false, List.of(), List.of(),
                OptionalInt.of(1000)));
    }

    @Test
    void radvdItselfAcceptsWhatIsRendered(@TempDir Path dir) throws Exception {
        boolean installed = new ProcessBuilder("sh", "-c", "command -v radvd").start().waitFor() == 0;
        Assumptions.assumeTrue(installed, "radvd is not installed (./run-tests installs it as root)");
        for (Instant at : List.of(NOW, NOW.plusSeconds(1000), NOW.plusSeconds(99999))) {
            Path conf = dir.resolve("radvd.conf");
            Files.writeString(conf, RadvdConf.render(twoLans(), at));
            Process radvd = new ProcessBuilder("radvd", "--configtest", "-C", conf.toString()).redirectErrorStream(true).start();
            String said = new String(radvd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, radvd.waitFor(), said);
            assertTrue(said.contains("syntax ok") && !said.contains("must be"), "radvd warned: " + said);
        }
    }
}
