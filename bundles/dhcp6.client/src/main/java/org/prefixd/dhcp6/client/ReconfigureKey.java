package org.prefixd.dhcp6.client;

import java.util.Objects;

import org.prefixd.dhcp6.codec.Bytes;

/**
 * The Reconfigure key a server gave with its Reply (RFC 8415 §20.4.1) and the replay detection
 * value of the last authenticated message from it: a Reconfigure counts only with a greater one.
 */
public record ReconfigureKey(Bytes key, long lastReplay) {
    public ReconfigureKey {
        Objects.requireNonNull(key, "key");
        if (key.length() != 16) throw new IllegalArgumentException("a reconfigure key is 16 bytes");
    }

    public ReconfigureKey withReplay(long replay) {
        return new ReconfigureKey(key, replay);
    }

    /** The key is a secret: never printed. */
    @Override
    public String toString() {
        return "ReconfigureKey[16 bytes, last replay " + Long.toUnsignedString(lastReplay) + "]";
    }
}
