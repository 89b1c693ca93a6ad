package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertReencodesExactly;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertRejected;
import static org.prefixd.dhcp6.codec.CodecAssertions.decodeOnlyOption;
import static org.prefixd.dhcp6.codec.Wire.labels;
import static org.prefixd.dhcp6.codec.Wire.name;
import static org.prefixd.dhcp6.codec.Wire.option;
import static org.prefixd.dhcp6.codec.Wire.reply;

import java.util.List;
import org.junit.jupiter.api.Test;

/** SIP Servers Domain Name List (RFC 3319 §3.1). */
class SipServerDomainsTest {
    @Test
    void decodesTheSipServerNames() {
        assertEquals(new SipServerDomains(List.of(DomainName.of("sip.example.net"))),
                decodeOnlyOption(reply(option(21, name("sip.example.net"))), SipServerDomains.class));
    }

    @Test
    void reencodesTheSipServerNamesByteExactly() {
        assertReencodesExactly(reply(option(21, name("sip.example.net"), name("sip2.example.net"))));
    }

    @Test
    void rejectsANameWithoutTheRootLabel() {
        assertRejected(reply(option(21, labels("sip"))), "REPLY", "SIP_SERVER_D", 12, "domain name does not end with the root label");
    }
}
