package org.prefixd.dhcp6.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.prefixd.dhcp6.codec.Authentication;
import org.prefixd.dhcp6.codec.Bytes;
import org.prefixd.dhcp6.codec.ClientId;
import org.prefixd.dhcp6.codec.ClientServerMessage;
import org.prefixd.dhcp6.codec.Dhcp6Codec;
import org.prefixd.dhcp6.codec.Duid;
import org.prefixd.dhcp6.codec.MessageType;
import org.prefixd.dhcp6.codec.Option;
import org.prefixd.dhcp6.codec.Options;
import org.prefixd.dhcp6.codec.ReconfigureMessage;
import org.prefixd.dhcp6.codec.ServerId;

class ReconfigureCheckTest {
    static final Duid CLIENT = new Duid.Uuid(UUID.fromString("6f0b6f0e-1d2c-4b7a-9a55-0f0e0d0c0b0a"));
    static final Duid SERVER = new Duid.Enterprise(2495, Bytes.fromHex("01"));
    static final Bytes KEY = Bytes.fromHex("000102030405060708090a0b0c0d0e0f");

    static Lease lease(long lastReplay) {
        return new Lease(SERVER, List.of(new IaBinding(IaBinding.Type.PD, 2, Instant.EPOCH, Instant.EPOCH, List.of(),
                List.of(new LeasedPrefix(prefix(), 56, LeaseTimes.FOREVER, LeaseTimes.FOREVER)))),
                ServerInformation.NONE, Optional.of(new ReconfigureKey(KEY, lastReplay)));
    }

    private static java.net.Inet6Address prefix() {
        try {
            return (java.net.Inet6Address) java.net.InetAddress.getByName("2001:db8:100::");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A Reconfigure as a server sends it: the digest computed over the message with the digest field zeroed. */
    static byte[] reconfigure(Duid server, Duid client, int asked, long replay, Bytes key) {
        List<Option> options = List.of(new ServerId(server), new ClientId(client), new ReconfigureMessage(asked),
                new Authentication(Authentication.PROTOCOL_RECONFIGURE_KEY, Authentication.ALGORITHM_HMAC_MD5, Authentication.RDM_MONOTONIC,
                        replay, Bytes.fromHex("02" + "00".repeat(16))));
        byte[] raw = Dhcp6Codec.encode(new ClientServerMessage(MessageType.RECONFIGURE, 0, Options.of(options)));
        byte[] digest = ReconfigureCheck.hmacMd5(key.toArray(), raw);
        System.arraycopy(digest, 0, raw, ReconfigureCheck.digestOffset(raw), 16);
        return raw;
    }

    private static ReconfigureCheck.Result check(byte[] raw, Optional<Lease> lease) throws Exception {
        return ReconfigureCheck.check(raw, (ClientServerMessage) Dhcp6Codec.decode(raw), CLIENT, lease);
    }

    private static String refused(byte[] raw, Optional<Lease> lease) throws Exception {
        ReconfigureCheck.Result r = check(raw, lease);
        assertTrue(r instanceof ReconfigureCheck.Result.Refused, "accepted: " + r);
        return ((ReconfigureCheck.Result.Refused) r).why();
    }

    @Test
    void acceptsAReconfigureAuthenticatedWithTheKeyOfTheLease() throws Exception {
        assertEquals(new ReconfigureCheck.Result.Accepted(MessageType.RENEW, 8), check(reconfigure(SERVER, CLIENT, 5, 8, KEY), Optional.of(lease(7))));
        assertEquals(new ReconfigureCheck.Result.Accepted(MessageType.REBIND, 8), check(reconfigure(SERVER, CLIENT, 6, 8, KEY), Optional.of(lease(7))));
    }

    @Test
    void refusesAWrongDigestAReplayAndForeignMessages() throws Exception {
        Optional<Lease> held = Optional.of(lease(7));
        assertTrue(refused(reconfigure(SERVER, CLIENT, 5, 8, Bytes.fromHex("ff0102030405060708090a0b0c0d0e0f")), held).contains("digest does not match"));
        byte[] tampered = reconfigure(SERVER, CLIENT, 5, 8, KEY);
        tampered[tampered.length - 20] ^= 1; // the replay detection value: covered by the digest, and still greater than 7
        assertTrue(refused(tampered, held).contains("digest does not match"));
        assertTrue(refused(reconfigure(SERVER, CLIENT, 5, 7, KEY), held).contains("not greater than 7"));
        assertTrue(refused(reconfigure(new Duid.Enterprise(2495, Bytes.fromHex("02")), CLIENT, 5, 8, KEY), held).contains("not from the server of the lease"));
        assertTrue(refused(reconfigure(SERVER, new Duid.Enterprise(1, Bytes.fromHex("03")), 5, 8, KEY), held).contains("not ours"));
        assertTrue(refused(reconfigure(SERVER, CLIENT, 7, 8, KEY), held).contains("message type 7"));
        assertTrue(refused(reconfigure(SERVER, CLIENT, 5, 8, KEY), Optional.empty()).contains("no Reconfigure key"));
    }

    @Test
    void refusesAReconfigureWithoutAuthentication() throws Exception {
        byte[] raw = Dhcp6Codec.encode(new ClientServerMessage(MessageType.RECONFIGURE, 0,
                Options.of(new ServerId(SERVER), new ClientId(CLIENT), new ReconfigureMessage(5))));
        assertTrue(refused(raw, Optional.of(lease(7))).contains("no Reconfigure Key Authentication"));
    }
}
