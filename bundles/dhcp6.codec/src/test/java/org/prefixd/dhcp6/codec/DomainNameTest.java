package org.prefixd.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertReencodesExactly;
import static org.prefixd.dhcp6.codec.CodecAssertions.assertRejected;
import static org.prefixd.dhcp6.codec.CodecAssertions.decodeOnlyOption;
import static org.prefixd.dhcp6.codec.Wire.labels;
import static org.prefixd.dhcp6.codec.Wire.name;
import static org.prefixd.dhcp6.codec.Wire.option;
import static org.prefixd.dhcp6.codec.Wire.reply;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Domain names (RFC 8415 §10, RFC 1035 wire format without compression, RFC 1123 host names),
 * carried here in a Domain Search List whose body starts at byte 8.
 */
class DomainNameTest {
    private static byte[] domainList(String... body) {
        return reply(option(OptionCodes.DOMAIN_LIST, body));
    }

    private static List<DomainName> decodeNames(byte[] packet) {
        return decodeOnlyOption(packet, DomainList.class).names();
    }

    private static final String LABEL_63 = "a".repeat(63);

    @Test
    void keepsTheCaseOfItsLabels() {
        assertEquals(List.of("Example", "NET"), decodeNames(domainList(name("Example.NET"))).get(0).labels());
    }

    @Test
    void reencodesMixedCaseLabelsByteExactly() {
        assertReencodesExactly(domainList(name("Example.NET")));
    }

    @Test
    void givesItsTextWithoutTheFinalDot() {
        assertEquals("lan.example.net", decodeNames(domainList(name("lan.example.net"))).get(0).text());
    }

    @Test
    void decodesTheRootNameAlone() {
        assertEquals(List.of(new DomainName(List.of(), true)), decodeNames(domainList("00")));
    }

    @Test
    void writesTheRootNameAsADot() {
        assertEquals(".", DomainName.of(".").text());
    }

    @Test
    void acceptsHyphensInsideALabel() {
        assertEquals(List.of("my-router", "example", "net"), decodeNames(domainList(name("my-router.example.net"))).get(0).labels());
    }

    @Test
    void acceptsALabelOf63Characters() {
        assertEquals(63, decodeNames(domainList(name(LABEL_63 + ".net"))).get(0).labels().get(0).length());
    }

    @Test
    void acceptsANameOf255BytesOnTheWire() {
        // 3 × (1 + 63) + (1 + 61) + root = 255
        String dotted = String.join(".", LABEL_63, LABEL_63, LABEL_63, "b".repeat(61));
        assertEquals(4, decodeNames(domainList(name(dotted))).get(0).labels().size());
    }

    @Test
    void rejectsALabelLongerThan63() {
        assertRejected(domainList(labels("a".repeat(64)), "00"), "REPLY", "DOMAIN_LIST", 8,
                "label length 64 is more than 63 (compression is not allowed in DHCPv6)");
    }

    @Test
    void rejectsANameLongerThan255BytesAtTheLabelThatMakesItSo() {
        // 4 × (1 + 63) + root = 257; the fourth label starts at 8 + 3 × 64.
        assertRejected(domainList(name(String.join(".", LABEL_63, LABEL_63, LABEL_63, LABEL_63))), "REPLY", "DOMAIN_LIST", 200,
                "domain name is longer than 255 bytes");
    }

    @Test
    void rejectsACompressionPointer() {
        // "lan" followed by a pointer (0xc0 0x08) back to "example.net" at byte 8.
        assertRejected(domainList(name("example.net"), labels("lan"), "c0 08"), "REPLY", "DOMAIN_LIST", 25,
                "label length 192 is more than 63 (compression is not allowed in DHCPv6)");
    }

    @Test
    void rejectsAnExtendedLabelType() {
        assertRejected(domainList("41 00"), "REPLY", "DOMAIN_LIST", 8,
                "label length 65 is more than 63 (compression is not allowed in DHCPv6)");
    }

    /** The option decodes; the name is kept apart as unusable, with why, and the message re-encodes byte for byte. */
    private static void assertUnusable(byte[] packet, String shown, String why) {
        DomainList list = decodeOnlyOption(packet, DomainList.class);
        assertEquals(List.of(), list.names(), "not a name to use");
        assertEquals(1, list.unusable().size());
        assertEquals(shown, list.unusable().get(0).shown());
        assertEquals(why, list.unusable().get(0).why());
        assertReencodesExactly(packet);
    }

    @Test
    void keepsALabelWithShellSyntaxApart() {
        assertUnusable(domainList(labels("a;rm", "$(reboot)", "`id`"), "00"), "a\\x3brm.\\x24\\x28reboot\\x29.\\x60id\\x60",
                "label contains a character that is not allowed in a host name (0x3b)");
    }

    @Test
    void keepsALabelWithAControlCharacterApart() {
        assertUnusable(domainList(labels("a\nb"), "00"), "a\\x0ab", "label contains a character that is not allowed in a host name (0xa)");
    }

    @Test
    void keepsALabelWithASpaceApart() {
        assertUnusable(domainList(labels("my host"), "00"), "my\\x20host", "label contains a character that is not allowed in a host name (0x20)");
    }

    @Test
    void keepsALabelWithANullByteApart() {
        assertUnusable(domainList(labels("a\0"), "00"), "a\\x00", "label contains a character that is not allowed in a host name (0x0)");
    }

    @Test
    void keepsALabelWithANonAsciiByteApart() {
        assertUnusable(domainList(labels("caf\u00e9"), "00"), "caf\\xe9", "label contains a character that is not allowed in a host name (0xe9)");
    }

    @Test
    void keepsALabelWithAnUnderscoreApart() {
        assertUnusable(domainList(labels("_dmarc", "example"), "00"), "_dmarc.example", "label contains a character that is not allowed in a host name (0x5f)");
    }

    @Test
    void keepsALabelStartingWithAHyphenApart() {
        assertUnusable(domainList(name("-router.net")), "-router.net", "label starts or ends with a hyphen");
    }

    @Test
    void keepsALabelEndingWithAHyphenApart() {
        assertUnusable(domainList(name("example.net-")), "example.net-", "label starts or ends with a hyphen");
    }

    @Test
    void refusesToBuildAnUnusableNameWhoseWireFormIsNotAName() {
        String why = "made up";
        assertThrows(IllegalArgumentException.class, () -> new UnusableName(Bytes.fromHex("0461242878290000"), true, why), "labels past the root");
        assertThrows(IllegalArgumentException.class, () -> new UnusableName(Bytes.fromHex("046124287829"), true, why), "a label longer than the rest");
        assertThrows(IllegalArgumentException.class, () -> new UnusableName(Bytes.fromHex("0161"), true, why), "absolute without the root");
        assertThrows(IllegalArgumentException.class, () -> new UnusableName(Bytes.fromHex("016100"), false, why), "partial with the root");
        assertThrows(IllegalArgumentException.class, () -> new UnusableName(Bytes.fromHex("c00c"), false, why), "a compression pointer");
        assertEquals("a", new UnusableName(Bytes.fromHex("0161"), false, why).shown());
    }

    @Test
    void showsAnUnusableNameWithoutAnythingAShellOrTerminalWouldAct() {
        UnusableName odd = decodeOnlyOption(domainList(labels("x\u001b[2J$(id)\"'|&>"), "00"), DomainList.class).unusable().get(0);
        assertTrue(odd.shown().matches("[A-Za-z0-9_.\\\\-]+"), "only letters, digits, '-', '_', '.' and escapes: " + odd.shown());
        assertEquals("x\\x1b\\x5b2J\\x24\\x28id\\x29\\x22\\x27\\x7c\\x26\\x3e", odd.shown());
    }

    @Test
    void rejectsALabelCutShortByTheEndOfTheOption() {
        assertRejected(domainList("05 6162"), "REPLY", "DOMAIN_LIST", 9, "label needs 5 bytes, 2 left");
    }

    @Test
    void rejectsANameWithoutTheRootLabelWhereAFullyQualifiedNameIsRequired() {
        assertRejected(domainList(labels("example", "net")), "REPLY", "DOMAIN_LIST", 20, "domain name does not end with the root label");
    }

    @Test
    void makesTheSameNameFromTextWithOrWithoutTheFinalDot() {
        assertEquals(DomainName.of("example.net"), DomainName.of("example.net."));
    }

    @Test
    void makesAnAbsoluteNameFromText() {
        assertEquals(new DomainName(List.of("example", "net"), true), DomainName.of("example.net"));
    }

    @Test
    void refusesTextWithAnEmptyLabel() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DomainName.of("a..b"));
        assertEquals("empty label", e.getMessage());
    }

    @Test
    void refusesTextWithShellSyntax() {
        assertThrows(IllegalArgumentException.class, () -> DomainName.of("example.net;reboot"));
    }

    @Test
    void refusesANameLongerThan255BytesFromText() {
        String dotted = String.join(".", LABEL_63, LABEL_63, LABEL_63, LABEL_63);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DomainName.of(dotted));
        assertEquals("domain name of 257 bytes is longer than 255", e.getMessage());
    }
}
