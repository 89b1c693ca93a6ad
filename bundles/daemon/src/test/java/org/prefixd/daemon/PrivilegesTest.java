package org.prefixd.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class PrivilegesTest {
    private static String status(String uid, String capEff) {
        return "Name:\tjava\nUmask:\t0077\nState:\tS (sleeping)\nUid:\t" + uid + "\t" + uid + "\t" + uid + "\t" + uid
                + "\nGid:\t998\t998\t998\t998\nCapInh:\t0000000000003400\nCapPrm:\t" + capEff + "\nCapEff:\t" + capEff
                + "\nCapBnd:\t" + capEff + "\nCapAmb:\t" + capEff + "\nNoNewPrivs:\t1\n";
    }

    @Test
    void namesTheUserAndTheThreeCapabilitiesOfTheServiceUnit() {
        Privileges p = Privileges.parse("prefixd", status("998", "0000000000003400"));
        assertEquals("running as user prefixd (uid 998) with CAP_NET_ADMIN, CAP_NET_BIND_SERVICE, CAP_NET_RAW", p.summary());
        assertEquals(List.of(), p.missing());
    }

    @Test
    void saysWhatStopsWorkingWithoutACapability() {
        Privileges p = Privileges.parse("prefixd", status("998", "0000000000003000")); // 0x3000: CAP_NET_ADMIN and CAP_NET_RAW
        assertEquals(List.of("CAP_NET_ADMIN", "CAP_NET_RAW"), p.held());
        List<String> missing = p.missing();
        assertEquals(1, missing.size(), missing::toString);
        assertTrue(missing.get(0).startsWith("without CAP_NET_BIND_SERVICE the DHCPv6 client cannot bind port 546"), missing.get(0));
    }

    @Test
    void rootWithEveryCapabilityIsSaidSo() {
        assertEquals("running as user root (uid 0) with every capability", Privileges.parse("root", status("0", "000001ffffffffff")).summary());
    }

    @Test
    void noCapabilitiesAtAll() {
        Privileges p = Privileges.parse("nobody", status("65534", "0000000000000000"));
        assertEquals("running as user nobody (uid 65534) with none of the capabilities it uses", p.summary());
        assertEquals(3, p.missing().size());
    }

    @Test
    void aStatusWithoutUidIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Privileges.parse("x", "Name:\tjava\n"));
    }
}
