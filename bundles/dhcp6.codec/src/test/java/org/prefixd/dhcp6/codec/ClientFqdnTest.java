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

/** Client FQDN (RFC 4704): flags, then a name that may be partial. The flags byte is byte 8. */
class ClientFqdnTest {
    @Test
    void decodesAPartialName() {
        // RFC 4704 §4.2: a client that only knows its host label sends it without the root label.
        assertEquals(new ClientFqdn(ClientFqdn.FLAG_S, new DomainName(List.of("router"), false)),
                decodeOnlyOption(reply(option(39, "01 06 726f75746572")), ClientFqdn.class));
    }

    @Test
    void decodesAFullyQualifiedName() {
        assertEquals(new ClientFqdn(0, DomainName.of("router.example.net")),
                decodeOnlyOption(reply(option(39, "00", name("router.example.net"))), ClientFqdn.class));
    }

    @Test
    void decodesFlagsWithoutAName() {
        assertEquals(new ClientFqdn(ClientFqdn.FLAG_N, new DomainName(List.of(), false)),
                decodeOnlyOption(reply(option(39, "04")), ClientFqdn.class));
    }

    @Test
    void reencodesAPartialNameByteExactly() {
        assertReencodesExactly(reply(option(39, "01", labels("router"))));
    }

    @Test
    void reencodesAFullyQualifiedNameByteExactly() {
        assertReencodesExactly(reply(option(39, "03", name("router.example.net"))));
    }

    @Test
    void rejectsAnOptionWithoutFlags() {
        assertRejected(reply(option(39)), "REPLY", "CLIENT_FQDN", 8, "flags needs 1 bytes, 0 left");
    }

    @Test
    void keepsANameThatIsNotAHostNameApart() {
        byte[] packet = reply(option(39, "01", labels("my router")));
        ClientFqdn fqdn = decodeOnlyOption(packet, ClientFqdn.class);
        assertEquals(java.util.Optional.empty(), fqdn.name().hostName());
        assertEquals("my\\x20router", ((UnusableName) fqdn.name()).shown());
        assertReencodesExactly(packet);
    }

    @Test
    void rejectsBytesAfterTheRootLabel() {
        assertRejected(reply(option(39, "01", name("a"), "ff")), "REPLY", "CLIENT_FQDN", 12, "1 bytes left over after CLIENT_FQDN");
    }
}
