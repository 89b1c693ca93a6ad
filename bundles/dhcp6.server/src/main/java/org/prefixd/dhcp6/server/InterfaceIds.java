package org.prefixd.dhcp6.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.prefixd.dhcp6.codec.Duid;

/**
 * The interface identifiers (the low 64 bits) of LAN clients' addresses; the same identifier is
 * used in every LAN subnet, so that a renumbered prefix gives a client the same host part.
 * <ul>
 * <li>by MAC (seed 001, adapted to a /64): {@code 0000:} then the 48 bits of the MAC, the same every
 *     time whatever the client's DUID — and never an EUI-64 SLAAC identifier, which has ff:fe inside;</li>
 * <li>by DUID: a hash of the DUID and IAID, in the upper half of the space (never one of the low
 *     identifiers a router or a reservation uses), with an attempt number to step past a collision.</li>
 * </ul>
 */
public final class InterfaceIds {
    /** Identifiers below this are left for the router (::1) and for reservations. */
    public static final long RESERVED_BELOW = 0x10000L;

    private InterfaceIds() {
    }

    public static long byMac(MacAddress mac) {
        return mac.value();
    }

    /**
     * Why a MAC cannot give a by-MAC identifier, or null when it can: a group (multicast) address
     * is no device's, and {@code 00:00:00:00:xx:xx} would be the router's ::1 or a reservation's.
     */
    public static String unusableMac(MacAddress mac) {
        if ((mac.value() >>> 40 & 1) == 1) return "a group address";
        if (mac.value() < RESERVED_BELOW) return "below 00:00:00:01:00:00, the router's and the reservations' identifiers";
        return null;
    }

    public static long byDuid(Duid duid, long iaid, int attempt) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(duid.bytes().toArray());
            sha.update(("/" + iaid + "/" + attempt).getBytes(StandardCharsets.US_ASCII));
            byte[] h = sha.digest();
            long iid = 0;
            for (int i = 0; i < 8; i++) iid = (iid << 8) | (h[i] & 0xff);
            return iid | 0x8000000000000000L; // the upper half: never a by-MAC identifier, never a low one
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
