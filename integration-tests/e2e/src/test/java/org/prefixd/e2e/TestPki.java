package org.prefixd.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A CA of the test's own (openssl, EC P-256, valid two days) and certificates it signs: the
 * broker's, for an IP address, and clients' whose common name is their MQTT username (Mosquitto's
 * use_identity_as_username). Files: ca.pem, NAME.pem, NAME.key (PKCS#8).
 */
final class TestPki {
    final Path dir;

    TestPki(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
        Cmd.ok("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key("ca").toString(),
                "-out", ca().toString(), "-days", "2", "-subj", "/CN=prefixd-test-ca");
    }

    Path ca() {
        return dir.resolve("ca.pem");
    }

    Path cert(String name) {
        return dir.resolve(name + ".pem");
    }

    Path key(String name) {
        return dir.resolve(name + ".key");
    }

    /** A server certificate for IP addresses (its subjectAltName). */
    TestPki server(String name, String... ips) throws IOException {
        return sign(name, "subjectAltName=" + String.join(",", java.util.Arrays.stream(ips).map(ip -> "IP:" + ip).toList())
                + "\nextendedKeyUsage=serverAuth\n");
    }

    /** A client certificate: CN = name. */
    TestPki client(String name) throws IOException {
        return sign(name, "extendedKeyUsage=clientAuth\n");
    }

    private TestPki sign(String name, String extensions) throws IOException {
        Path csr = dir.resolve(name + ".csr"), ext = dir.resolve(name + ".ext");
        Files.writeString(ext, extensions);
        Cmd.ok("openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key(name).toString(),
                "-out", csr.toString(), "-subj", "/CN=" + name);
        Cmd.ok("openssl", "x509", "-req", "-in", csr.toString(), "-CA", ca().toString(), "-CAkey", key("ca").toString(), "-CAcreateserial",
                "-out", cert(name).toString(), "-days", "2", "-extfile", ext.toString());
        return this;
    }
}
