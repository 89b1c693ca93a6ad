package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertEncodesTo;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertReencodesExactly;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertRejected;
import static org.prefixd.dhcp6.codec.CodecAssertions.decodeOnlyOption;
import static org.prefixd.dhcp6.codec.Wire.labels;
import static org.prefixd.dhcp6.codec.Wire.option;
import static org.prefixd.dhcp6.codec.Wire.reply;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Domain Search List (RFC 3646 §4). */
class DomainListTest {
    /** "example.net" and "lan.example.net", uncompressed. */
    private static final String TWO_NAMES = "07 6578616d706c65 03 6e6574 00  03 6c616e 07 6578616d706c65 03 6e6574 00";

    @Test
    void decodesTwoNames() {
        assertEquals(new DomainList(List.of(DomainName.of("example.net"), DomainName.of("lan.example.net"))),
                decodeOnlyOption(reply(option(24, TWO_NAMES)), DomainList.class));
    }

    @Test
    void reencodesTwoNamesByteExactly() {
        assertReencodesExactly(reply(option(24, TWO_NAMES)));
    }

    @Test
    void encodesTwoNamesFromTheirRecord() {
        assertEncodesTo(reply(option(24, TWO_NAMES)), new ClientServerMessage(MessageType.REPLY, 0x123456, Options.of(
                new DomainList(List.of(DomainName.of("example.net"), DomainName.of("lan.example.net"))))));
    }

    @Test
    void decodesAnEmptyList() {
        assertEquals(List.of(), decodeOnlyOption(reply(option(24)), DomainList.class).names());
    }

    @Test
    void rejectsANameWithoutTheRootLabel() {
        assertRejected(reply(option(24, labels("example", "net"))), "REPLY", "DOMAIN_LIST", 20,
                "domain name does not end with the root label");
    }

    @Test
    void keepsTheHostNamesAndSetsApartANameThatIsNotOne() {
        byte[] packet = reply(option(24, "07 6578616d706c65 03 6e6574 00", labels("a;rm"), "00", "02 6f6b 07 6578616d706c65 00"));
        DomainList list = decodeOnlyOption(packet, DomainList.class);
        assertEquals(List.of(DomainName.of("example.net"), DomainName.of("ok.example")), list.names());
        assertEquals("\"a\\x3brm\" (label contains a character that is not allowed in a host name (0x3b))", list.unusable().get(0).toString());
        assertEquals(3, list.received().size(), "in order, as received");
        assertReencodesExactly(packet);
    }

    @Test
    void rejectsASecondDomainList() {
        assertRejected(reply(option(24, "00"), option(24, "00")), "REPLY", "", 9, "DOMAIN_LIST appears more than once");
    }

    @Test
    void refusesToBuildAListWithAPartialName() {
        assertThrows(IllegalArgumentException.class, () -> new DomainList(List.of(new DomainName(List.of("lan"), false))));
    }
}
