package org.prefixd.netconf;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.prefixd.api.NetConfigException;

/** A missing `ip` is a NetConfigException that names the command, like a failing one: it is retried the same way. */
class MissingIpTest {
    @Test
    void aMissingProgramIsAFailureThatNamesTheCommand() {
        NetConfigException e = assertThrows(NetConfigException.class,
                () -> IpRoute2NetConfig.execute(List.of("/nonexistent/ip", "-6", "route", "replace", "unreachable", "2001:db8:100::/56"), false));
        assertTrue(e.getMessage().startsWith("/nonexistent/ip -6 route replace unreachable 2001:db8:100::/56: Cannot run program"), e.getMessage());
    }
}
