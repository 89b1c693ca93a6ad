package org.prefixd.netconf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.prefixd.api.InterfaceName;
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
}
