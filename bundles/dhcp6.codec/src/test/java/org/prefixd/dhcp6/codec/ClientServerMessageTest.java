package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ClientServerMessageTest {
    @Test
    void refusesATransactionIdOver24Bits() {
        assertThrows(IllegalArgumentException.class, () -> new ClientServerMessage(MessageType.SOLICIT, 0x1000000, Options.NONE));
    }

    @Test
    void refusesARelayMessageType() {
        assertThrows(IllegalArgumentException.class, () -> new ClientServerMessage(MessageType.RELAY_FORW, 1, Options.NONE));
    }

    @Test
    void printsItsTypeTransactionIdAndOptions() {
        assertEquals("INFORMATION-REQUEST xid=00ab01 [RapidCommit[]]",
                new ClientServerMessage(MessageType.INFORMATION_REQUEST, 0xab01, Options.of(new RapidCommit())).toString());
    }
}
