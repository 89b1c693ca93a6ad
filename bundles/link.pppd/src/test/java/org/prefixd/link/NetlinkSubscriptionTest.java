package org.prefixd.link;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NetlinkSubscriptionTest {
    private static final String HEADER = "sk               Eth Pid        Groups   Rmem     Wmem     Dump  Locks    Drops    Inode\n";

    @Test
    void aRouteSocketOfThePidWithGroupsIsListening() {
        String table = HEADER
                + "00000000819daf62 0   3167343308 00000000 0        0        0     2        0        33922954\n"
                + "000000002ae58de9 0   25733      00000111 0        0        0     2        0        33922953\n";
        assertTrue(NetlinkSubscription.listening(table, 25733));
        assertFalse(NetlinkSubscription.listening(table, 3167343308L), "no group joined");
        assertFalse(NetlinkSubscription.listening(table, 2573), "another pid");
    }

    @Test
    void aSocketOpenedButNotYetSubscribedOrOfAnotherProtocolIsNot() {
        String table = HEADER
                + "000000002ae58de9 0   25733      00000000 0        0        0     2        0        33922953\n"
                + "000000002ae58dea 9   25733      00000001 0        0        0     2        0        33922955\n";
        assertFalse(NetlinkSubscription.listening(table, 25733));
        assertFalse(NetlinkSubscription.listening("", 25733));
        assertFalse(NetlinkSubscription.listening("garbage\n0 0\n", 25733));
    }
}
