package org.prefixd.netconf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CapabilityHintTest {
    @Test
    void theKernelsRefusalNamesTheMissingCapability() {
        assertTrue(IpRoute2NetConfig.capabilityHint("RTNETLINK answers: Operation not permitted").contains("CAP_NET_ADMIN"));
    }

    @Test
    void otherErrorsGetNoHint() {
        assertEquals("", IpRoute2NetConfig.capabilityHint("Cannot find device \"wan9\""));
    }
}
