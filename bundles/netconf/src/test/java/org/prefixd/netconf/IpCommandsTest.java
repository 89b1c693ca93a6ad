package org.prefixd.netconf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.prefixd.api.InterfaceName;
import org.prefixd.api.NetConfig;
import org.prefixd.api.Prefix;

class IpCommandsTest {
    private static Inet6Address ip(String text) throws Exception {
        return (Inet6Address) InetAddress.getByName(text);
    }

    @Test
    void setsAnAddressWithItsLifetimesAsAnArgumentArray() throws Exception {
        assertEquals(List.of("ip", "-6", "addr", "replace", "2001:db8::100/128", "dev", "wan0", "valid_lft", "300", "preferred_lft", "200", "noprefixroute"),
                IpCommands.setAddress(InterfaceName.of("wan0"), ip("2001:db8::100"), 128, 200, 300));
        assertEquals("forever", IpCommands.setAddress(InterfaceName.of("wan0"), ip("2001:db8::100"), 128, 0xffffffffL, 0xffffffffL).get(8));
    }

    @Test
    void aSubnetAddressKeepsItsOnLinkRouteAndAHostAddressGetsNone() throws Exception {
        java.net.Inet6Address a = (java.net.Inet6Address) java.net.InetAddress.getByName("2001:db8:100::1");
        assertEquals(List.of("ip", "-6", "addr", "replace", "2001:db8:100::1/64", "dev", "lan0", "valid_lft", "300", "preferred_lft", "0"),
                IpCommands.setAddress(InterfaceName.of("lan0"), a, 64, 0, 300));
        assertTrue(IpCommands.setAddress(InterfaceName.of("wan0"), a, 128, 0, 300).contains("noprefixroute"));
    }

    @Test
    void refusesLifetimesThatRunBackwards() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> IpCommands.setAddress(InterfaceName.of("wan0"), ip("2001:db8::1"), 128, 301, 300));
    }

    @Test
    void routesADelegatedPrefixToUnreachableWithTheHostBitsCleared() throws Exception {
        assertEquals(List.of("ip", "-6", "route", "replace", "unreachable", "2001:db8:100::/56", "metric", "2147483647", "proto", "static"),
                IpCommands.setUnreachable(new Prefix(ip("2001:db8:100::ff"), 56)));
    }

    @Test
    void aRemovalOfWhatIsAlreadyGoneSucceeds() {
        assertEquals(true, IpCommands.alreadyGone("RTNETLINK answers: No such process"));
        assertEquals(true, IpCommands.alreadyGone("RTNETLINK answers: Cannot assign requested address"));
        assertEquals(true, IpCommands.alreadyGone("Error: ipv6: address not found."), "iproute2 6.1 removing a missing address");
        assertEquals(false, IpCommands.alreadyGone("RTNETLINK answers: Operation not permitted"));
    }

    @Test
    void theRecordingFakeWritesOneLinePerCall() throws Exception {
        RecordingNetConfig fake = new RecordingNetConfig();
        fake.setUnreachableRoute(new Prefix(ip("2001:db8:100::"), 56));
        assertEquals(List.of("unreachable 2001:db8:100::/56"), fake.calls);
    }

    @Test
    void readsAnAddressStateFromTheKernelsOneLineOutput() throws Exception {
        java.net.Inet6Address a = (java.net.Inet6Address) java.net.InetAddress.getByName("2001:db8::100");
        assertEquals(List.of("ip", "-6", "-o", "addr", "show", "dev", "wan0"), IpCommands.showAddresses(InterfaceName.of("wan0")));
        String linkLocal = "3: wan0    inet6 fe80::1/64 scope link \\       valid_lft forever preferred_lft forever\n";
        assertEquals(NetConfig.AddressState.DUPLICATE, IpCommands.addressState(
                "3: wan0    inet6 2001:db8::100/128 scope global dadfailed tentative \\       valid_lft forever\n" + linkLocal, a));
        assertEquals(NetConfig.AddressState.TENTATIVE, IpCommands.addressState(
                "3: wan0    inet6 2001:db8::100/128 scope global tentative dynamic noprefixroute \\       valid_lft 296sec\n" + linkLocal, a));
        assertEquals(NetConfig.AddressState.PRESENT, IpCommands.addressState(
                "3: wan0    inet6 2001:db8:0::100/128 scope global dynamic noprefixroute \\       valid_lft 296sec\n" + linkLocal, a));
        assertEquals(NetConfig.AddressState.ABSENT, IpCommands.addressState(linkLocal, a), "the link works, the address is gone");
        assertEquals(NetConfig.AddressState.NO_LINK, IpCommands.addressState("", a));
        assertEquals(NetConfig.AddressState.NO_LINK, IpCommands.addressState(linkLocal.replace("scope link", "scope link tentative"), a));
    }

    @Test
    void routesADownstreamRoutersPrefixViaItsLinkLocalAddressWithAnExpiry() throws Exception {
        assertEquals(List.of("ip", "-6", "route", "replace", "2001:db8:100:10::/60", "via", "fe80::1", "dev", "lan0", "proto", "static", "expires", "300"),
                IpCommands.setRoute(new Prefix(ip("2001:db8:100:10::"), 60), ip("fe80::1"), org.prefixd.api.InterfaceName.of("lan0"), 300));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> IpCommands.setRoute(new Prefix(ip("2001:db8:100:10::"), 60), ip("2001:db8::1"), org.prefixd.api.InterfaceName.of("lan0"), 300));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> IpCommands.setRoute(new Prefix(ip("2001:db8:100:10::"), 60), ip("fe80::1"), org.prefixd.api.InterfaceName.of("lan0"), 0));
    }
}
