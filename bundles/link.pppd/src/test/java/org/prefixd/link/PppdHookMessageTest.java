package org.prefixd.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.prefixd.api.LinkLocal;

class PppdHookMessageTest {
    private static final String ENV = "env:PPPD_PID=4242\nenv:IFNAME=ppp0\nenv:LLLOCAL=fe80::1\n";

    private static PppdEvent decode(String text) {
        return PppdHookMessage.decode(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String rejection(String text) {
        return assertThrows(IllegalArgumentException.class, () -> decode(text)).getMessage();
    }

    @Test
    void decodesPppdsSixArgumentsAndItsPid() {
        PppdEvent event = decode("prefixd-pppd 1\nipv6-up\narg:ppp0\narg:/dev/ttyS0\narg:115200\narg:fe80::1\narg:fe80::2\narg:isp\n" + ENV);
        assertEquals(PppdEvent.Kind.UP, event.kind());
        assertEquals("ppp0", event.name().value());
        assertEquals(4242, event.session().pid());
        assertEquals(Optional.of("/dev/ttyS0"), event.session().tty());
        assertEquals(115200, event.session().speed());
        assertEquals(Optional.of("isp"), event.session().ipparam());
        assertEquals(LinkLocal.parse("fe80::2"), event.remote());
    }

    @Test
    void acceptsFiveArgumentsWhenPppdHasNoIpparam() {
        PppdEvent event = decode("prefixd-pppd 1\nipv6-down\narg:ppp0\narg:\narg:0\narg:fe80::1\narg:fe80::2\n" + ENV);
        assertEquals(PppdEvent.Kind.DOWN, event.kind());
        assertEquals(Optional.empty(), event.session().ipparam());
        assertEquals(Optional.empty(), event.session().tty());
    }

    @Test
    void rejectsAWrongArgumentCount() {
        assertTrue(rejection("prefixd-pppd 1\nipv6-up\narg:ppp0\narg:x\n" + ENV).contains("5 or 6 arguments"));
    }

    @Test
    void rejectsAnAddressThatIsNotLinkLocal() {
        assertTrue(rejection("prefixd-pppd 1\nipv6-up\narg:ppp0\narg:\narg:0\narg:2001:db8::1\narg:fe80::2\n" + ENV).contains("not an IPv6 link-local"));
    }

    @Test
    void rejectsAHostileInterfaceName() {
        assertTrue(rejection("prefixd-pppd 1\nipv6-up\narg:ppp0;rm -rf /\narg:\narg:0\narg:fe80::1\narg:fe80::2\n" + ENV).contains("not allowed"));
        assertTrue(rejection("prefixd-pppd 1\nipv6-up\narg:../../etc\narg:\narg:0\narg:fe80::1\narg:fe80::2\n" + ENV).contains("not allowed"));
    }

    @Test
    void rejectsAHostileIpparam() {
        assertTrue(rejection("prefixd-pppd 1\nipv6-up\narg:ppp0\narg:\narg:0\narg:fe80::1\narg:fe80::2\narg:$(reboot)\n" + ENV).contains("ipparam"));
    }

    @Test
    void rejectsAnOversizedMessage() {
        assertTrue(rejection("prefixd-pppd 1\nipv6-up\n" + "env:X=" + "a".repeat(5000)).contains("larger than"));
    }

    @Test
    void rejectsControlCharactersAndUnknownLines() {
        assertTrue(rejection("prefixd-pppd 1\nipv6-up\narg:ppp0\u001b[2J\n").contains("control character"));
        assertTrue(rejection("prefixd-pppd 1\nipv6-up\nhello\n").contains("neither"));
        assertTrue(rejection("GET / HTTP/1.0\n\n").contains("does not start"));
    }

    @Test
    void rejectsAMissingPidOrAnInconsistentEnvironment() {
        assertTrue(rejection("prefixd-pppd 1\nipv6-up\narg:ppp0\narg:\narg:0\narg:fe80::1\narg:fe80::2\n").contains("PPPD_PID"));
        assertTrue(rejection("prefixd-pppd 1\nipv6-up\narg:ppp0\narg:\narg:0\narg:fe80::1\narg:fe80::2\nenv:PPPD_PID=1\nenv:IFNAME=ppp1\n").contains("IFNAME"));
        assertTrue(rejection("prefixd-pppd 1\nipv6-up\narg:ppp0\narg:\narg:0\narg:fe80::1\narg:fe80::2\nenv:PPPD_PID=12a\n").contains("not a number"));
    }
}
