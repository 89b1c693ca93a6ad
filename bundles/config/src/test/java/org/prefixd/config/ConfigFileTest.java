package org.prefixd.config;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class ConfigFileTest {
    private static ConfigFile parse(String text) throws ConfigFileException {
        return ConfigFile.parse("name.cfg", text.getBytes(UTF_8));
    }

    private static ConfigFileException refused(String text) {
        return refused(text.getBytes(UTF_8));
    }

    private static ConfigFileException refused(byte[] content) {
        return assertThrows(ConfigFileException.class, () -> ConfigFile.parse("name.cfg", content));
    }

    @Test
    void readsKeysAndValuesWithOrWithoutSpacesAroundTheEqualsSign() throws Exception {
        ConfigFile file = parse("a=1\nb = 2\n  c\t=\t 3  \n");
        assertEquals(List.of(new ConfigFile.Property("a", "1", 1), new ConfigFile.Property("b", "2", 2),
                new ConfigFile.Property("c", "3", 3)), file.properties());
    }

    @Test
    void keepsEverythingAfterTheFirstEqualsSignAndBackslashesAsWritten() throws Exception {
        ConfigFile file = parse("filter = (&(a=b)(c=d\\e))\n");
        assertEquals("(&(a=b)(c=d\\e))", file.property("filter").orElseThrow().value());
    }

    @Test
    void acceptsAnEmptyValue() throws Exception {
        assertEquals("", parse("hook =\n").property("hook").orElseThrow().value());
    }

    @Test
    void skipsBlankLinesAndCommentsStartingWithAHashOrABang() throws Exception {
        ConfigFile file = parse("# a comment\n\n   \n  ! another = comment\n\t# indented\nkey.name_x-y = v\n");
        assertEquals(List.of(new ConfigFile.Property("key.name_x-y", "v", 6)), file.properties());
    }

    @Test
    void readsAFileWithoutATrailingNewline() throws Exception {
        assertEquals(List.of(new ConfigFile.Property("a", "1", 1)), parse("a = 1").properties());
    }

    @Test
    void rejectsALineWithoutAnEqualsSignWithItsLineNumber() {
        ConfigFileException e = refused("a = 1\n\ndebounce 5\n");
        assertEquals("name.cfg", e.file());
        assertEquals(3, e.line());
        assertEquals("name.cfg:3: expected 'key = value', found no '='", e.getMessage());
    }

    @Test
    void rejectsAKeyWithCharactersOutsideLettersDigitsDotUnderscoreAndDash() {
        ConfigFileException e = refused("a = 1\nmy key = 2\n");
        assertEquals(2, e.line());
        assertEquals("name.cfg:2: invalid key 'my key': use only letters, digits, '.', '_' and '-'", e.getMessage());
    }

    @Test
    void rejectsAnEqualsSignWithoutAKey() {
        assertEquals("name.cfg:1: missing key before '='", refused(" = 1\n").getMessage());
    }

    @Test
    void rejectsADuplicateKeyWithItsLineNumber() {
        ConfigFileException e = refused("debounce = 1\n# again\ndebounce = 2\n");
        assertEquals(3, e.line());
        assertEquals("name.cfg:3: duplicate key 'debounce'", e.toString());
    }

    @Test
    void rejectsKeysThatDifferOnlyInCaseBecauseConfigAdminKeysAreCaseInsensitive() {
        ConfigFileException e = refused("mtu = 1\nMTU = 2\n");
        assertEquals("name.cfg:2: duplicate key 'MTU' (keys are case-insensitive; line 1 sets 'mtu')", e.getMessage());
    }

    @Test
    void rejectsAControlCharacterWithItsLineNumber() {
        ConfigFileException e = refused("a = 1\nb = x\u0007y\n");
        assertEquals("name.cfg:2: control character U+0007 in line (column 6)", e.getMessage());
    }

    @Test
    void rejectsTheDeleteCharacter() {
        assertEquals(1, refused("a = \u007f\n").line());
    }

    @Test
    void rejectsAControlCharacterEvenInAComment() {
        assertEquals(1, refused("# \u001b[31m\n").line());
    }

    @Test
    void allowsATabInsideAValue() throws Exception {
        assertEquals("a\tb", parse("x = a\tb\n").property("x").orElseThrow().value());
    }

    @Test
    void rejectsWindowsLineEndingsAndSaysWhy() {
        ConfigFileException e = refused("a = 1\r\nb = 2\r\n");
        assertEquals(2, e.problems().size());
        assertEquals("name.cfg:1: carriage return (U+000D) in line; save the file with Unix line endings",
                e.problems().get(0).toString());
    }

    @Test
    void rejectsAFileLargerThan64KiB() {
        byte[] content = new byte[64 * 1024 + 1];
        Arrays.fill(content, (byte) '#');
        ConfigFileException e = refused(content);
        assertEquals(0, e.line());
        assertEquals("name.cfg: file is larger than 64 KiB (65536 bytes)", e.getMessage());
    }

    @Test
    void acceptsAFileOfExactly64KiB() throws Exception {
        byte[] content = new byte[64 * 1024];
        Arrays.fill(content, (byte) '#');
        assertEquals(List.of(), ConfigFile.parse("name.cfg", content).properties());
    }

    @Test
    void rejectsInvalidUtf8WithTheLineItIsOn() {
        byte[] content = {'a', '=', '1', '\n', '#', '\n', 'b', '=', (byte) 0xc3, '(', '\n'};
        ConfigFileException e = refused(content);
        assertEquals(3, e.line());
        assertEquals("name.cfg:3: invalid UTF-8 (byte 0xC3 at offset 8); save the file as UTF-8", e.getMessage());
    }

    @Test
    void acceptsNonAsciiTextInUtf8() throws Exception {
        assertEquals("Küche ⌂", parse("room = Küche ⌂\n").property("room").orElseThrow().value());
    }

    @Test
    void ignoresAByteOrderMarkAtTheStart() throws Exception {
        assertEquals(List.of(new ConfigFile.Property("a", "1", 1)), parse("\uFEFFa = 1\n").properties());
    }

    @Test
    void reportsEveryBrokenLineOfAFileNotJustTheFirst() {
        ConfigFileException e = refused("a = 1\nnothing\nb c = 2\na = 3\n");
        assertEquals(List.of(2, 3, 4), e.problems().stream().map(ConfigProblem::line).toList());
        assertTrue(e.getMessage().contains("\nname.cfg:4: duplicate key 'a'"), e.getMessage());
    }
}
