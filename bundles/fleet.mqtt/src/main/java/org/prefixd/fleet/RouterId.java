package org.prefixd.fleet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** A router's default id in the fleet: from its DUID, stable and short ("r" and 16 hex digits of its SHA-256). */
public final class RouterId {
    private RouterId() {
    }

    public static String fromDuid(String duidHex) {
        if (!duidHex.matches("[0-9a-f]{2,260}")) throw new IllegalArgumentException("not a DUID in hex: " + duidHex);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(duidHex.getBytes(StandardCharsets.US_ASCII));
            StringBuilder out = new StringBuilder("r");
            for (int i = 0; i < 8; i++) out.append(String.format("%02x", hash[i]));
            return out.toString();
        } catch (NoSuchAlgorithmException impossible) {
            throw new AssertionError(impossible);
        }
    }
}
