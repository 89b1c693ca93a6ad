package org.prefixd.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {
    @TempDir
    Path dir;

    @Test
    void adminAdminIsNeverALogin() {
        assertThrows(IllegalArgumentException.class, () -> new Credentials("admin", "admin"));
        assertThrows(IllegalArgumentException.class, () -> new Credentials("admin", "ADMIN"));
        assertThrows(IllegalArgumentException.class, () -> new Credentials("owner", "short"));
        assertThrows(IllegalArgumentException.class, () -> new Credentials("owner", "with space in it"));
        assertThrows(IllegalArgumentException.class, () -> new Credentials("a:b", "longenough"));
        Credentials g = Credentials.generate(new SecureRandom());
        assertFalse(g.matches("admin", "admin"));
        assertEquals(20, g.password().length());
        assertFalse(g.toString().contains(g.password()), "the password stays out of log lines");
    }

    @Test
    void keptInAFileOnlyRootReads() throws Exception {
        Credentials g = Credentials.generate(new SecureRandom());
        Path file = dir.resolve(Credentials.FILE);
        g.store(file);
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
        assertEquals(Optional.of(g), Credentials.load(file));
        assertTrue(Credentials.load(dir.resolve("none")).isEmpty());
        Files.writeString(file, "user=admin\npassword=admin\n");
        assertThrows(IllegalArgumentException.class, () -> Credentials.load(file), "a hand-written admin/admin is refused too");
    }

    @Test
    void basicHeaders() {
        Credentials c = new Credentials("owner", "s3cret-pass");
        String header = "Basic " + Base64.getEncoder().encodeToString("owner:s3cret-pass".getBytes(StandardCharsets.UTF_8));
        String[] given = Credentials.fromBasicHeader(header).orElseThrow();
        assertTrue(c.matches(given[0], given[1]));
        assertFalse(c.matches("owner", "s3cret-pasS"));
        assertFalse(c.matches("Owner", "s3cret-pass"));
        assertTrue(Credentials.fromBasicHeader("Bearer x").isEmpty());
        assertTrue(Credentials.fromBasicHeader("Basic !!!").isEmpty());
        assertTrue(Credentials.fromBasicHeader(null).isEmpty());
    }
}
