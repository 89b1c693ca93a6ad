package org.prefixd.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.prefixd.api.InterfaceName;

class ControlRequestTest {
    @Test
    void understandsOnlyTheDocumentedRequests() {
        assertEquals(ControlRequest.Kind.STATUS_JSON, ControlRequest.parse(" status   --json\n").kind());
        assertEquals(ControlRequest.Kind.RELOAD, ControlRequest.parse("reload").kind());
        assertEquals(new ControlRequest(ControlRequest.Kind.RENEW, InterfaceName.of("ppp0")), ControlRequest.parse("renew ppp0"));
        assertThrows(IllegalArgumentException.class, () -> ControlRequest.parse("status; reboot"));
        assertThrows(IllegalArgumentException.class, () -> ControlRequest.parse("release ppp0;reboot"));
        assertThrows(IllegalArgumentException.class, () -> ControlRequest.parse("renew"));
    }
}
