package org.prefixd.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.prefixd.api.InterfaceName;
import org.prefixd.api.LinkLocal;

class IpAddrJsonTest {
    private static final InterfaceName A0 = InterfaceName.of("a0");

    // Captured from iproute2 6.1 on a veth in a network namespace.
    private static final String UP_TENTATIVE = """
            [{"ifindex":3,"link":"b0","ifname":"a0","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1500,"qdisc":"noqueue","operstate":"UP","group":"default","txqlen":1000,"addr_info":[{"family":"inet6","local":"fe80::1","address":"fe80::2","prefixlen":128,"scope":"link","tentative":true,"valid_life_time":4294967295,"preferred_life_time":4294967295},{"family":"inet6","local":"fe80::6434:bff:feeb:7590","prefixlen":64,"scope":"link","valid_life_time":4294967295,"preferred_life_time":4294967295}]}]
            """;
    private static final String NO_CARRIER = """
            [{"ifindex":3,"link":"b0","ifname":"a0","flags":["NO-CARRIER","BROADCAST","MULTICAST","UP","M-DOWN"],"mtu":1500,"qdisc":"noqueue","operstate":"LOWERLAYERDOWN","group":"default","txqlen":1000,"link_type":"ether","address":"66:34:0b:eb:75:90","broadcast":"ff:ff:ff:ff:ff:ff","addr_info":[{"family":"inet","local":"192.0.2.1","prefixlen":24},{"family":"inet6","local":"fe80::6434:bff:feeb:7590","prefixlen":64,"scope":"link","valid_life_time":4294967295,"preferred_life_time":4294967295}]}]
            """;

    @Test
    void readsFlagsIndexAndLinkLocalsWithTheirDadState() {
        KernelLink link = IpAddrJson.parse(UP_TENTATIVE, A0).orElseThrow();
        assertEquals(3, link.index());
        assertTrue(link.hasCarrier());
        assertEquals(2, link.addresses().size());
        KernelAddress p2p = link.addresses().get(0);
        assertTrue(p2p.tentative());
        assertEquals(Optional.of(LinkLocal.parse("fe80::2")), p2p.peer());
        assertNull(link.whyNotUsable());
    }

    @Test
    void seesNoCarrierAndIgnoresIpv4() {
        KernelLink link = IpAddrJson.parse(NO_CARRIER, A0).orElseThrow();
        assertFalse(link.hasCarrier());
        assertEquals(1, link.addresses().size());
        assertEquals("no carrier", link.whyNotUsable());
    }

    @Test
    void findsNothingForAnotherInterfaceOrAnEmptyList() {
        assertEquals(Optional.empty(), IpAddrJson.parse(UP_TENTATIVE, InterfaceName.of("b0")));
        assertEquals(Optional.empty(), IpAddrJson.parse("[]", A0));
    }

    @Test
    void rejectsOutputThatIsNotIproute2Json() {
        assertThrows(IllegalArgumentException.class, () -> IpAddrJson.parse("Device \"a0\" does not exist.", A0));
        assertThrows(IllegalArgumentException.class, () -> IpAddrJson.parse("[{\"ifname\":\"a0\",\"flags\":3}]", A0));
    }

    @Test
    void recognisesMonitorLinesAboutTheInterface() {
        assertTrue(IpMonitorLine.concerns("3: a0@b0: <BROADCAST,MULTICAST> mtu 1500", A0, 0));
        assertTrue(IpMonitorLine.concerns("Deleted 3: a0    inet6 fe80::1 peer fe80::2/128 scope link", A0, 0));
        assertTrue(IpMonitorLine.concerns("3: renamed: <BROADCAST>", A0, 3));
        assertFalse(IpMonitorLine.concerns("4: a00: <BROADCAST>", A0, 3));
        assertFalse(IpMonitorLine.concerns("garbage", A0, 3));
    }
}
