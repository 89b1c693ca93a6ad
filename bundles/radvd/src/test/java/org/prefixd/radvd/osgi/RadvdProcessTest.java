package org.prefixd.radvd.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.Logger;

class RadvdProcessTest {
    private static final Logger QUIET = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
            (proxy, method, args) -> method.getReturnType() == boolean.class ? false : null);

    private static Path script(Path dir, String body) throws Exception {
        Path s = dir.resolve("radvd");
        Files.writeString(s, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(s, PosixFilePermissions.fromString("rwx------"));
        return s;
    }

    @Test
    void passesOnWhatRadvdSaysWhenItRefusesAFile(@TempDir Path dir) throws Exception {
        Path refusing = script(dir, "echo \"$(basename $3):2 error: syntax error\"; echo 'exiting, failed to read config file'; exit 1");
        RadvdProcess radvd = new RadvdProcess(refusing.toString(), dir.resolve("radvd.conf"), dir.resolve("radvd.pid"), true, QUIET);
        String said = radvd.configtest(dir.resolve("x.conf"));
        assertTrue(said.contains("x.conf:2 error: syntax error") && said.contains(" | exiting"), said);
        Path accepting = script(dir, "echo 'syntax ok'; exit 0");
        assertNull(new RadvdProcess(accepting.toString(), dir.resolve("radvd.conf"), dir.resolve("radvd.pid"), true, QUIET).configtest(dir.resolve("x.conf")));
    }

    @Test
    void saysWhatToDoWhenRadvdIsMissing(@TempDir Path dir) {
        assertTrue(assertThrows(IllegalStateException.class, () -> RadvdProcess.find(dir.resolve("nosuch").toString())).getMessage()
                .contains("is not an executable file"));
        assertEquals("radvd is not installed (Debian: apt install radvd), or set prefixd.radvd radvd = /path/to/radvd",
                assertThrows(IllegalStateException.class, () -> RadvdProcess.find("prefixd-no-such-program")).getMessage()
                        .replace("prefixd-no-such-program", "radvd"));
    }
}
