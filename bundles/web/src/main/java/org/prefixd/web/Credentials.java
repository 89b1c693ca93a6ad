package org.prefixd.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import org.prefixd.api.AtomicFile;

/**
 * The login of the web console and the event stream. Never admin/admin: either the owner's
 * (prefixd.web username and password) or one generated at first start and kept in the state
 * directory (web-credentials, mode 0600).
 */
public record Credentials(String user, String password) {
    public static final String FILE = "web-credentials";
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public Credentials {
        if (user == null || !USER.matcher(user).matches()) throw new IllegalArgumentException("username: 1 to 32 letters, digits, '.', '_' or '-'");
        if (password == null || password.length() < 8) throw new IllegalArgumentException("password: at least 8 characters");
        if (password.length() > 128) throw new IllegalArgumentException("password: at most 128 characters");
        for (char c : password.toCharArray())
            if (c < 0x21 || c > 0x7e) throw new IllegalArgumentException("password: printable ASCII without spaces only");
        if (password.equalsIgnoreCase(user) || password.equalsIgnoreCase("admin")) throw new IllegalArgumentException("password: too easy to guess");
    }

    /** A user "admin" with 20 random characters (about 116 bits). */
    public static Credentials generate(SecureRandom random) {
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < 20; i++) p.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        return new Credentials("admin", p.toString());
    }

    /** @return empty when there is no file; @throws IllegalArgumentException when it is not one this class wrote */
    public static Optional<Credentials> load(Path file) throws IOException {
        if (!Files.exists(file)) return Optional.empty();
        String user = null, password = null;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("user=")) user = line.substring(5);
            else if (line.startsWith("password=")) password = line.substring(9);
            else if (!line.isBlank() && !line.startsWith("#")) throw new IllegalArgumentException(file + ": unexpected line");
        }
        return Optional.of(new Credentials(user, password));
    }

    public void store(Path file) throws IOException {
        AtomicFile.write(file, ("# prefixd web console login, generated at first start\nuser=" + user + "\npassword=" + password + "\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    /** In time independent of where the two differ. */
    public boolean matches(String user, String password) {
        boolean u = MessageDigest.isEqual(this.user.getBytes(StandardCharsets.UTF_8), user.getBytes(StandardCharsets.UTF_8));
        boolean p = MessageDigest.isEqual(digest(this.password), digest(password));
        return u & p;
    }

    /** The user and password of an "Authorization: Basic ..." header; empty when it is not one. */
    public static Optional<String[]> fromBasicHeader(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) return Optional.empty();
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) return Optional.empty();
            return Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private static byte[] digest(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "Credentials[user=" + user + ", password=(hidden)]";
    }
}
