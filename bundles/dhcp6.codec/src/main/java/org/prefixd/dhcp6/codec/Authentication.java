package org.prefixd.dhcp6.codec;

import java.util.Objects;
import java.util.Optional;

/**
 * Authentication (RFC 8415 §21.11): protocol, algorithm, replay detection method and value,
 * and the protocol's authentication information. For the Reconfigure Key Authentication
 * Protocol (§20.4) {@link #reconfigureKey()} reads that information.
 */
public record Authentication(int protocol, int algorithm, int rdm, long replayDetection, Bytes information) implements Option {
    /** RFC 8415 §20.4: protocol 3, algorithm 1 (HMAC-MD5), RDM 0 (monotonic counter). */
    public static final int PROTOCOL_RECONFIGURE_KEY = 3, ALGORITHM_HMAC_MD5 = 1, RDM_MONOTONIC = 0;

    /** The Reconfigure Key Authentication Protocol's information: type 1, the key; type 2, the HMAC-MD5 digest. */
    public record ReconfigureKeyInfo(int type, Bytes value) {
        public static final int KEY = 1, HMAC_MD5 = 2;

        public ReconfigureKeyInfo {
            Objects.requireNonNull(value, "value");
            if (value.length() != 16) throw new IllegalArgumentException("a reconfigure key or digest is 16 bytes");
        }

        /** The value is secret (the key itself): never printed. */
        @Override
        public String toString() {
            return "ReconfigureKeyInfo[type=" + type + ", 16 bytes]";
        }
    }

    public Authentication {
        if (protocol < 0 || protocol > 0xff || algorithm < 0 || algorithm > 0xff || rdm < 0 || rdm > 0xff)
            throw new IllegalArgumentException("protocol, algorithm and RDM are one byte each");
        Objects.requireNonNull(information, "information");
    }

    public int code() {
        return OptionCodes.AUTH;
    }

    /** The key or digest, when this is the Reconfigure Key Authentication Protocol and its information is well formed. */
    public Optional<ReconfigureKeyInfo> reconfigureKey() {
        if (protocol != PROTOCOL_RECONFIGURE_KEY || algorithm != ALGORITHM_HMAC_MD5 || rdm != RDM_MONOTONIC) return Optional.empty();
        if (information.length() != 17) return Optional.empty();
        byte[] raw = information.toArray();
        int type = raw[0] & 0xff;
        if (type != ReconfigureKeyInfo.KEY && type != ReconfigureKeyInfo.HMAC_MD5) return Optional.empty();
        return Optional.of(new ReconfigureKeyInfo(type, Bytes.wrap(java.util.Arrays.copyOfRange(raw, 1, 17))));
    }

    static Authentication read(Reader body) throws DecodeException {
        if (body.remaining() < 11) throw body.error("AUTH needs 11 bytes (protocol, algorithm, RDM, replay detection), got " + body.remaining());
        int protocol = body.u8("protocol");
        int algorithm = body.u8("algorithm");
        int rdm = body.u8("RDM");
        long replay = (body.u32("replay detection") << 32) | body.u32("replay detection");
        return new Authentication(protocol, algorithm, rdm, replay, body.rest());
    }

    public void writeBody(Writer out) {
        out.u8(protocol);
        out.u8(algorithm);
        out.u8(rdm);
        out.u32(replayDetection >>> 32);
        out.u32(replayDetection & 0xffffffffL);
        information.writeTo(out);
    }

    /** The information may hold a key: never printed. */
    @Override
    public String toString() {
        return "Authentication[protocol=" + protocol + ", algorithm=" + algorithm + ", rdm=" + rdm + ", replay="
                + Long.toUnsignedString(replayDetection) + ", " + information.length() + " bytes of information]";
    }
}
