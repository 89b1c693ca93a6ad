package org.prefixd.fleet;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsFilesTest {
    @TempDir
    Path dir;

    @Test
    void eachBadFileIsNamedWithWhatIsWrong() throws Exception {
        Path missing = dir.resolve("missing.pem");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TlsFiles.socketFactory(Optional.of(missing), Optional.empty(), Optional.empty()))
                .getMessage().contains("missing.pem: cannot read"));
        Path empty = Files.writeString(dir.resolve("empty.pem"), "nothing here\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TlsFiles.certificates(empty)).getMessage().contains("no PEM CERTIFICATE"));
        Path pkcs1 = Files.writeString(dir.resolve("old.key"), "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TlsFiles.privateKey(pkcs1)).getMessage().contains("openssl pkcs8 -topk8 -nocrypt"));
        Path junk = Files.writeString(dir.resolve("junk.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TlsFiles.certificates(junk)).getMessage().contains("not a certificate"));
    }

    @Test
    void withoutFilesTheRuntimesTrustStoreServes() {
        assertNotNull(TlsFiles.socketFactory(Optional.empty(), Optional.empty(), Optional.empty()).getDefaultCipherSuites()[0]);
    }
}
