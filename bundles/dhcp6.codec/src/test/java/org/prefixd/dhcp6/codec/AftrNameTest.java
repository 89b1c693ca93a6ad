package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertReencodesExactly;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertRejected;
import static org.prefixd.dhcp6.codec.CodecAssertions.decodeOnlyOption;
import static org.prefixd.dhcp6.codec.Wire.labels;
import static org.prefixd.dhcp6.codec.Wire.name;
import static org.prefixd.dhcp6.codec.Wire.option;
import static org.prefixd.dhcp6.codec.Wire.reply;

import java.util.List;
import org.junit.jupiter.api.Test;

/** AFTR-Name (RFC 6334 §3): the DS-Lite tunnel end point, a fully qualified name. */
class AftrNameTest {
    @Test
    void decodesTheAftrName() {
        assertEquals(new AftrName(DomainName.of("aftr.example.com")),
                decodeOnlyOption(reply(option(64, "04 61667472 07 6578616d706c65 03 636f6d 00")), AftrName.class));
    }

    @Test
    void reencodesTheAftrNameByteExactly() {
        assertReencodesExactly(reply(option(64, name("aftr.example.com"))));
    }

    @Test
    void rejectsAPartialName() {
        assertRejected(reply(option(64, labels("aftr"))), "REPLY", "AFTR_NAME", 13, "domain name does not end with the root label");
    }

    @Test
    void rejectsBytesAfterTheRootLabel() {
        assertRejected(reply(option(64, name("aftr.example.com"), "ffff")), "REPLY", "AFTR_NAME", 26, "2 bytes left over after AFTR_NAME");
    }

    @Test
    void keepsANameThatIsNotAHostNameApart() {
        byte[] packet = reply(option(64, labels("aftr$(id)"), "00"));
        AftrName aftr = decodeOnlyOption(packet, AftrName.class);
        assertEquals(java.util.Optional.empty(), aftr.name().hostName(), "decoded, but not a name to use");
        assertEquals("label contains a character that is not allowed in a host name (0x24)", ((UnusableName) aftr.name()).why());
        assertReencodesExactly(packet);
    }

    @Test
    void rejectsAnEmptyAftrName() {
        assertRejected(reply(option(64)), "REPLY", "AFTR_NAME", 8, "domain name does not end with the root label");
    }

    @Test
    void refusesToBuildAPartialAftrName() {
        assertThrows(IllegalArgumentException.class, () -> new AftrName(new DomainName(List.of("aftr"), false)));
    }
}
