package org.prefixd.fleet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS of the broker connection from PEM files, as Mosquitto's own files are: the CA's
 * certificates to trust (none: the Java runtime's trust store) and, for brokers that know their
 * clients by certificate, this router's certificate chain and its PKCS#8 key. Every failure says
 * which file and why.
 */
public final class TlsFiles {
    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([^-]+)-----END \\1-----");
    private static final int MAX_FILE = 256 * 1024;

    private TlsFiles() {
    }

    /** @throws IllegalArgumentException naming the file and what is wrong with it */
    public static SSLSocketFactory socketFactory(Optional<Path> ca, Optional<Path> cert, Optional<Path> key) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (ca.isPresent()) {
                KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
                anchors.load(null, null);
                int n = 0;
                for (Certificate c : certificates(ca.get())) anchors.setCertificateEntry("ca" + n++, c);
                trust.init(anchors);
            } else {
                trust.init((KeyStore) null);
            }
            KeyManagerFactory keys = null;
            if (cert.isPresent() && key.isPresent()) {
                List<Certificate> chain = certificates(cert.get());
                KeyStore own = KeyStore.getInstance(KeyStore.getDefaultType());
                own.load(null, null);
                char[] none = new char[0];
                own.setKeyEntry("router", privateKey(key.get()), none, chain.toArray(new Certificate[0]));
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(own, none);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("prefixd.fleet: TLS: " + e.getMessage());
        }
    }

    static List<Certificate> certificates(Path file) {
        List<Certificate> out = new ArrayList<>();
        try {
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            for (Block b : blocks(file)) if (b.type().equals("CERTIFICATE")) out.add(x509.generateCertificate(new ByteArrayInputStream(b.der())));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(file + ": not a certificate: " + e.getMessage());
        }
        if (out.isEmpty()) throw new IllegalArgumentException(file + ": no PEM CERTIFICATE in it");
        return out;
    }

    static PrivateKey privateKey(Path file) {
        for (Block b : blocks(file)) {
            if (b.type().equals("PRIVATE KEY")) {
                for (String algorithm : List.of("EC", "RSA", "Ed25519")) {
                    try {
                        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(b.der()));
                    } catch (GeneralSecurityException notThisOne) {
                        // the next algorithm
                    }
                }
                throw new IllegalArgumentException(file + ": a PKCS#8 key of none of EC, RSA, Ed25519");
            }
            if (b.type().endsWith("PRIVATE KEY"))
                throw new IllegalArgumentException(file + ": a " + b.type() + " (convert it: openssl pkcs8 -topk8 -nocrypt -in " + file.getFileName() + ")");
        }
        throw new IllegalArgumentException(file + ": no PEM PRIVATE KEY in it");
    }

    private record Block(String type, byte[] der) {
    }

    private static List<Block> blocks(Path file) {
        String text;
        try {
            if (Files.size(file) > MAX_FILE) throw new IllegalArgumentException(file + ": larger than " + MAX_FILE + " bytes");
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage());
        }
        List<Block> out = new ArrayList<>();
        Matcher m = PEM.matcher(text);
        while (m.find()) {
            try {
                out.add(new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": a " + m.group(1) + " that is not base64");
            }
        }
        return out;
    }
}
