package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertReencodesExactly;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertRejected;
import static org.prefixd.dhcp6.codec.CodecAssertions.decodeOnlyOption;
import static org.prefixd.dhcp6.codec.Wire.option;
import static org.prefixd.dhcp6.codec.Wire.reply;

import org.junit.jupiter.api.Test;

/** Relay Agent Remote-ID (RFC 4649): enterprise number, then an opaque id. */
class RemoteIdTest {
    @Test
    void decodesTheEnterpriseNumberAndTheId() {
        assertEquals(new RemoteId(3561, Bytes.fromHex("0a0b0c0d")), decodeOnlyOption(reply(option(37, "00000de9 0a0b0c0d")), RemoteId.class));
    }

    @Test
    void reencodesTheRemoteIdByteExactly() {
        assertReencodesExactly(reply(option(37, "00000de9 0a0b0c0d")));
    }

    @Test
    void decodesAnEnterpriseNumberWithAnEmptyId() {
        assertEquals(Bytes.EMPTY, decodeOnlyOption(reply(option(37, "00000de9")), RemoteId.class).remoteId());
    }

    @Test
    void rejectsARemoteIdWithoutAWholeEnterpriseNumber() {
        assertRejected(reply(option(37, "000de9")), "REPLY", "REMOTE_ID", 8, "enterprise-number needs 4 bytes, 3 left");
    }
}
