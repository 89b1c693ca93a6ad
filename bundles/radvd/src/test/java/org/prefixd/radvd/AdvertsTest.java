package org.prefixd.radvd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.prefixd.api.DelegatedPrefix;
import org.prefixd.api.InterfaceName;
import org.prefixd.api.Ipv6Text;
import org.prefixd.api.LanPrefix;
import org.prefixd.api.LanSettings;
import org.prefixd.api.Prefix;
import org.prefixd.api.WanLease;

class AdvertsTest {
    private static final Instant T = Instant.parse("2026-11-25T10:00:00Z");
    private static final InterfaceName WAN = InterfaceName.of("wan0");
    private static final DelegatedPrefix FROM = new DelegatedPrefix(WAN, 2, new Prefix(Ipv6Text.parse("2001:db8:100::"), 56), T.plusSeconds(100), T.plusSeconds(200));
    private static final WanLease LEASE = new WanLease(WAN, "00020000", List.of(), List.of(FROM), List.of(Ipv6Text.parse("2001:db8:ffff::53")),
            List.of("example.com"), List.of(), List.of(), List.of(), List.of(), List.of(), Optional.empty());

    private static LanSettings lan(String name, boolean advertise, LanSettings.DnsSource dns) {
        return new LanSettings(InterfaceName.of(name), advertise, false, true, dns, List.of(Ipv6Text.parse("2001:db8::1")), List.of("home.arpa"),
                OptionalInt.empty());
    }

    private static LanPrefix prefix(String lan, String subnet, boolean deprecated) {
        return new LanPrefix(InterfaceName.of(lan), new Prefix(Ipv6Text.parse(subnet), 64), FROM, deprecated ? T : T.plusSeconds(100), T.plusSeconds(200), deprecated);
    }

    @Test
    void takesDnsFromTheLeaseOfItsPrefixesTheFixedOnesOrNone() {
        List<LanAdvert> adverts = Adverts.of(List.of(lan("a", true, LanSettings.DnsSource.LEASE), lan("b", true, LanSettings.DnsSource.FIXED),
                lan("c", true, LanSettings.DnsSource.NONE)), List.of(prefix("a", "2001:db8:100::", false), prefix("b", "2001:db8:100:1::", false),
                prefix("c", "2001:db8:100:2::", false)), List.of(LEASE));
        assertEquals(List.of(Ipv6Text.parse("2001:db8:ffff::53")), adverts.get(0).dnsServers());
        assertEquals(List.of("example.com"), adverts.get(0).domains());
        assertEquals(List.of(Ipv6Text.parse("2001:db8::1")), adverts.get(1).dnsServers());
        assertEquals(List.of("home.arpa"), adverts.get(1).domains());
        assertEquals(List.of(), adverts.get(2).dnsServers());
    }

    @Test
    void leavesOutLansThatDoNotAdvertiseOrHaveNothingToAdvertiseAndDeprecatesWhatIsStale() {
        List<LanAdvert> adverts = Adverts.of(List.of(lan("a", true, LanSettings.DnsSource.LEASE), lan("quiet", false, LanSettings.DnsSource.LEASE),
                lan("empty", true, LanSettings.DnsSource.LEASE)), List.of(prefix("a", "2001:db8:100::", true), prefix("quiet", "2001:db8:100:1::", false)),
                List.of(LEASE));
        assertEquals(1, adverts.size());
        assertTrue(adverts.get(0).prefixes().get(0).preferredUntil().isBefore(T.plusSeconds(1)), "deprecated: preferred already over");
        assertEquals(List.of(), adverts.get(0).dnsServers(), "a LAN with only stale prefixes takes no DNS from their lease");
    }

    @Test
    void tellsARemovalFromARenewalAndFromAnAddition() {
        List<LanSettings> lans = List.of(lan("a", true, LanSettings.DnsSource.LEASE));
        List<LanAdvert> before = Adverts.of(lans, List.of(prefix("a", "2001:db8:100::", false)), List.of(LEASE));
        List<LanAdvert> more = Adverts.of(lans, List.of(prefix("a", "2001:db8:100::", false), prefix("a", "2001:db8:100:1::", false)), List.of(LEASE));
        assertTrue(!Adverts.drops(before, more) && Adverts.drops(more, before), "a prefix less is a drop, one more is not");
        assertTrue(Adverts.drops(before, Adverts.of(lans, List.of(prefix("a", "2001:db8:100::", false)), List.of())), "the DNS server gone");
        assertTrue(Adverts.drops(before, List.of()), "the LAN gone");
        assertTrue(Adverts.onlyLonger(before, before));
    }
}
