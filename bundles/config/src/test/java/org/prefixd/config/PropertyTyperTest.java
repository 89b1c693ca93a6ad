package org.prefixd.config;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class PropertyTyperTest {
    private static final List<AttributeSpec> LINK = List.of(
            AttributeSpec.required("interface", AttributeType.STRING),
            AttributeSpec.optional("debounce", AttributeType.INTEGER),
            AttributeSpec.optional("lifetime", AttributeType.LONG),
            AttributeSpec.optional("enabled", AttributeType.BOOLEAN),
            AttributeSpec.optional("weight", AttributeType.DOUBLE),
            AttributeSpec.optional("dns", AttributeType.STRING).withCardinality(3),
            AttributeSpec.optional("ports", AttributeType.INTEGER).withCardinality(-10),
            AttributeSpec.optional("mode", AttributeType.STRING).withOptions("auto", "manual"),
            AttributeSpec.optional("prefix.length", AttributeType.INTEGER).withOptions("48", "56", "60", "64"),
            AttributeSpec.optional("reconfigure.key", AttributeType.INTEGER),
            AttributeSpec.optional("pin", AttributeType.PASSWORD).withOptions("1234"));

    private static TypedProperties type(String text) throws ConfigFileException {
        return type(text, Optional.of(LINK));
    }

    private static TypedProperties type(String text, Optional<List<AttributeSpec>> schema) throws ConfigFileException {
        return PropertyTyper.type(ConfigFile.parse("prefixd.link-wan.cfg", text.getBytes(UTF_8)), schema);
    }

    private static ConfigFileException refused(String text) {
        return assertThrows(ConfigFileException.class, () -> type(text));
    }

    @Test
    void convertsEachValueToTheTypeTheSchemaGives() throws Exception {
        TypedProperties typed = type("interface = ppp0\ndebounce = 5\nlifetime = 4294967296\nenabled = true\nweight = 0.25\n");
        assertEquals(Optional.of("ppp0"), typed.get("interface"));
        assertEquals(Optional.of(5), typed.get("debounce"));
        assertEquals(Optional.of(4294967296L), typed.get("lifetime"));
        assertEquals(Optional.of(true), typed.get("enabled"));
        assertEquals(Optional.of(0.25), typed.get("weight"));
    }

    @Test
    void splitsAMultiValuedValueAtCommasIntoAnArrayForAPositiveCardinality() throws Exception {
        Object dns = type("interface = ppp0\ndns = 2001:db8::1 , 2001:db8::2\n").get("dns").orElseThrow();
        assertArrayEquals(new String[] {"2001:db8::1", "2001:db8::2"}, (String[]) dns);
    }

    @Test
    void makesAListForANegativeCardinality() throws Exception {
        assertEquals(Optional.of(List.of(546, 547)), type("interface = ppp0\nports = 546,547\n").get("ports"));
    }

    @Test
    void takesAnEmptyMultiValuedValueAsAnEmptyArray() throws Exception {
        assertArrayEquals(new String[0], (String[]) type("interface = ppp0\ndns =\n").get("dns").orElseThrow());
    }

    @Test
    void rejectsMoreValuesThanTheCardinalityAllows() {
        assertEquals("prefixd.link-wan.cfg:2: dns: 4 values, at most 3 allowed",
                refused("interface = ppp0\ndns = a, b, c, d\n").getMessage());
    }

    @Test
    void rejectsAnEmptyItemInAList() {
        assertEquals("prefixd.link-wan.cfg:2: ports: empty item 2 in the list",
                refused("interface = ppp0\nports = 1,,2\n").getMessage());
    }

    @Test
    void rejectsAValueThatIsNotConvertibleWithItsLine() {
        assertEquals("prefixd.link-wan.cfg:3: debounce: 'soon' is not an integer",
                refused("interface = ppp0\n\ndebounce = soon\n").getMessage());
    }

    @Test
    void namesTheItemOfAListThatIsNotConvertible() {
        assertEquals("prefixd.link-wan.cfg:2: ports: 'x' (item 2) is not an integer",
                refused("interface = ppp0\nports = 1, x\n").getMessage());
    }

    @Test
    void acceptsOnlyTrueOrFalseForABoolean() {
        assertEquals("prefixd.link-wan.cfg:2: enabled: 'yes' is not true or false",
                refused("interface = ppp0\nenabled = yes\n").getMessage());
    }

    @Test
    void rejectsAValueThatIsNotOneOfTheOptions() {
        assertEquals("prefixd.link-wan.cfg:2: mode: 'dhcp' is not one of auto, manual",
                refused("interface = ppp0\nmode = dhcp\n").getMessage());
    }

    @Test
    void comparesOptionsAsValuesOfTheType() throws Exception {
        assertEquals(Optional.of(56), type("interface = ppp0\nprefix.length = 056\n").get("prefix.length"));
    }

    @Test
    void rejectsAnUnknownKeyAndListsTheKnownOnes() {
        String message = refused("interface = ppp0\ndebounse = 5\n").getMessage();
        assertTrue(message.startsWith("prefixd.link-wan.cfg:2: unknown key 'debounse' (known: interface, debounce,"), message);
    }

    @Test
    void suggestsTheKeyThatDiffersOnlyInCase() {
        assertEquals("prefixd.link-wan.cfg:2: unknown key 'Debounce'; did you mean 'debounce'?",
                refused("interface = ppp0\nDebounce = 5\n").getMessage());
    }

    @Test
    void reportsAMissingRequiredKeyAgainstTheWholeFile() {
        ConfigFileException e = refused("debounce = 5\n");
        assertEquals(0, e.line());
        assertEquals("prefixd.link-wan.cfg: missing required key 'interface'", e.getMessage());
    }

    @Test
    void reportsEveryBadKeyOfAFileWithItsLine() {
        ConfigFileException e = refused("debounce = x\nenabled = 1\nfoo = bar\n");
        assertEquals(List.of(1, 2, 3, 0), e.problems().stream().map(ConfigProblem::line).toList());
    }

    @Test
    void keepsEveryValueAsAStringWhenThePidHasNoSchema() throws Exception {
        TypedProperties typed = type("anything = 5\nenabled = yes\n", Optional.empty());
        assertEquals(Optional.of("5"), typed.get("anything"));
        assertEquals(Optional.of("yes"), typed.get("enabled"));
    }

    @Test
    void acceptsReferenceTargetsAndMinimumCardinalitiesThatNoSchemaLists() throws Exception {
        TypedProperties typed = type("interface = ppp0\nlink.target = (name=wan)\nlink.cardinality.minimum = 1\n");
        assertEquals(Optional.of("(name=wan)"), typed.get("link.target"));
        assertEquals(Optional.of(1), typed.get("link.cardinality.minimum"));
    }

    @Test
    void rejectsPropertiesThatConfigAdminOrPrefixdSetThemselves() {
        assertEquals("prefixd.link-wan.cfg:1: 'service.pid' is set by Config Admin or prefixd, not by a file",
                assertThrows(ConfigFileException.class, () -> type("service.pid = x\n", Optional.empty())).getMessage());
    }

    @Test
    void neverPutsTheValueOfASecretInAProblem() {
        String byName = refused("interface = ppp0\nreconfigure.key = hunter2\n").getMessage();
        assertEquals("prefixd.link-wan.cfg:2: reconfigure.key: the value is not an integer", byName);
        String byType = refused("interface = ppp0\npin = 9876\n").getMessage();
        assertFalse(byType.contains("9876"), byType);
    }

    @Test
    void asksTheSchemaValidatorAboutEachValue() {
        List<AttributeSpec> schema = List.of(AttributeSpec.optional("mtu", AttributeType.INTEGER).withCardinality(2)
                .withValidator(v -> Integer.parseInt(v) < 1280 ? Optional.of("less than minimum") : Optional.empty()));
        ConfigFileException e = assertThrows(ConfigFileException.class, () -> type("mtu = 1500, 576\n", Optional.of(schema)));
        assertEquals("prefixd.link-wan.cfg:1: mtu: '576' (item 2) is refused: less than minimum", e.getMessage());
    }
}
