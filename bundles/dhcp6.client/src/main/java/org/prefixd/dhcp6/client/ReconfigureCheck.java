package org.prefixd.dhcp6.client;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.prefixd.dhcp6.codec.Authentication;
import org.prefixd.dhcp6.codec.ClientId;
import org.prefixd.dhcp6.codec.ClientServerMessage;
import org.prefixd.dhcp6.codec.Duid;
import org.prefixd.dhcp6.codec.MessageType;
import org.prefixd.dhcp6.codec.OptionCodes;
import org.prefixd.dhcp6.codec.ReconfigureMessage;
import org.prefixd.dhcp6.codec.ServerId;

/**
 * Whether a Reconfigure message may be acted on (RFC 8415 §18.2.11, §20.4.3): from the server
 * of the lease, to this client, asking for Renew, Rebind or Information-request, authenticated
 * with the Reconfigure Key Authentication Protocol by an HMAC-MD5 over the whole message made
 * with the key from that server's Reply, and with a replay detection value greater than the
 * last one seen. Anything else is refused with the reason.
 */
public final class ReconfigureCheck {
    /** What a Reconfigure asks for, and the replay detection value to remember. */
    public sealed interface Result {
        record Accepted(MessageType asked, long replay) implements Result {
        }

        record Refused(String why) implements Result {
        }
    }

    private static final int AUTH_FIXED = 11; // protocol, algorithm, RDM, replay detection
    private static final int DIGEST_OFFSET_IN_BODY = AUTH_FIXED + 1; // after the information's type byte

    private ReconfigureCheck() {
    }

    /**
     * @param raw the message exactly as received: the digest covers these bytes
     * @param message the same message, decoded
     */
    public static Result check(byte[] raw, ClientServerMessage message, Duid client, Optional<Lease> lease) {
        if (message.type() != MessageType.RECONFIGURE) return new Result.Refused("not a Reconfigure");
        if (lease.isEmpty() || lease.get().reconfigureKey().isEmpty()) return new Result.Refused("no Reconfigure key from the server (none was given with the lease)");
        if (!message.options().get(ClientId.class).map(c -> c.duid().equals(client)).orElse(false))
            return new Result.Refused("Client Identifier missing or not ours");
        if (!message.options().get(ServerId.class).map(s -> s.duid().equals(lease.get().server())).orElse(false))
            return new Result.Refused("not from the server of the lease");
        Optional<Integer> code = message.options().get(ReconfigureMessage.class).map(ReconfigureMessage::messageType);
        if (code.isEmpty()) return new Result.Refused("no Reconfigure Message option (RFC 8415 §21.19)");
        Optional<MessageType> asked = code.filter(c -> c == MessageType.RENEW.code() || c == MessageType.REBIND.code()
                || c == MessageType.INFORMATION_REQUEST.code()).map(MessageType::of);
        if (asked.isEmpty()) return new Result.Refused("asks for message type " + code.get() + ", not Renew, Rebind or Information-request");
        Optional<Authentication> auth = message.options().get(Authentication.class);
        Optional<Authentication.ReconfigureKeyInfo> info = auth.flatMap(Authentication::reconfigureKey);
        if (info.isEmpty() || info.get().type() != Authentication.ReconfigureKeyInfo.HMAC_MD5)
            return new Result.Refused("no Reconfigure Key Authentication with an HMAC-MD5 digest (RFC 8415 §20.4.3)");
        ReconfigureKey key = lease.get().reconfigureKey().get();
        long replay = auth.get().replayDetection();
        if (Long.compareUnsigned(replay, key.lastReplay()) <= 0)
            return new Result.Refused("replay detection " + Long.toUnsignedString(replay) + " is not greater than " + Long.toUnsignedString(key.lastReplay()));
        int digestAt = digestOffset(raw);
        if (digestAt < 0) return new Result.Refused("the Authentication option is not where a digest can be checked");
        byte[] zeroed = raw.clone();
        Arrays.fill(zeroed, digestAt, digestAt + 16, (byte) 0);
        byte[] expected = hmacMd5(key.key().toArray(), zeroed);
        if (!MessageDigest.isEqual(expected, info.get().value().toArray())) return new Result.Refused("the HMAC-MD5 digest does not match the key");
        return new Result.Accepted(asked.get(), replay);
    }

    /** HMAC-MD5 of the message with the digest field zeroed, as the server computes it (RFC 8415 §20.4.2). */
    public static byte[] hmacMd5(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(key, "HmacMD5"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacMD5 is part of every Java runtime", e);
        }
    }

    /** Where the 16 digest bytes of the single top-level Authentication option start, or -1. */
    public static int digestOffset(byte[] raw) {
        int at = 4;
        int found = -1;
        while (at + 4 <= raw.length) {
            int code = ((raw[at] & 0xff) << 8) | (raw[at + 1] & 0xff);
            int length = ((raw[at + 2] & 0xff) << 8) | (raw[at + 3] & 0xff);
            if (at + 4 + length > raw.length) return -1;
            if (code == OptionCodes.AUTH) {
                if (found >= 0 || length != AUTH_FIXED + 17) return -1;
                found = at + 4 + DIGEST_OFFSET_IN_BODY;
            }
            at += 4 + length;
        }
        return found;
    }
}
