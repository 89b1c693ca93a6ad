package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertReencodesExactly;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertRejected;
import static org.prefixd.dhcp6.codec.CodecAssertions.decodeOnlyOption;
import static org.prefixd.dhcp6.codec.Wire.option;
import static org.prefixd.dhcp6.codec.Wire.reply;

import org.junit.jupiter.api.Test;

/** Relay Agent Subscriber-ID (RFC 4580): opaque. */
class SubscriberIdTest {
    @Test
    void decodesTheSubscriberIdAsBytes() {
        assertEquals(new SubscriberId(Bytes.fromHex("737562")), decodeOnlyOption(reply(option(38, "737562")), SubscriberId.class));
    }

    @Test
    void reencodesTheSubscriberIdByteExactly() {
        assertReencodesExactly(reply(option(38, "737562")));
    }

    @Test
    void rejectsASecondSubscriberId() {
        assertRejected(reply(option(38, "01"), option(38, "02")), "REPLY", "", 9, "SUBSCRIBER_ID appears more than once");
    }
}
