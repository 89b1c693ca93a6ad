package org.prefixd.dhcp6.codec;

import java.util.Objects;
import java.util.UUID;

/**
 * A DHCP Unique Identifier (RFC 8415 §11): 2 to 130 bytes, starting with its 16-bit type.
 * Types 1 to 4 are typed; any other type is kept as it came.
 */
public sealed interface Duid permits Duid.LinkLayerPlusTime, Duid.Enterprise, Duid.LinkLayer, Duid.Uuid, Duid.Other {
    /** RFC 8415 §11.1: at most 128 bytes after the type. */
    int MAX_IDENTIFIER = 128;

    int type();

    /** The whole DUID, type included, as it goes on the wire. */
    Bytes bytes();

    /** DUID-LLT (type 1): hardware type, time (seconds since 2000-01-01 UTC, mod 2^32), link-layer address. */
    record LinkLayerPlusTime(int hardwareType, long time, Bytes linkLayerAddress) implements Duid {
        public LinkLayerPlusTime {
            check16("hardware type", hardwareType);
            if (time < 0 || time > 0xffffffffL) throw new IllegalArgumentException("time " + time + " does not fit 32 bits");
            Objects.requireNonNull(linkLayerAddress, "linkLayerAddress");
            if (linkLayerAddress.length() > MAX_IDENTIFIER - 6) throw new IllegalArgumentException("link-layer address too long");
        }

        public int type() {
            return 1;
        }

        public Bytes bytes() {
            Writer w = new Writer(8 + linkLayerAddress.length());
            w.u16(1);
            w.u16(hardwareType);
            w.u32(time);
            linkLayerAddress.writeTo(w);
            return Bytes.wrap(w.toByteArray());
        }
    }

    /** DUID-EN (type 2): enterprise number and an identifier of the vendor's choice. */
    record Enterprise(long enterpriseNumber, Bytes identifier) implements Duid {
        public Enterprise {
            if (enterpriseNumber < 0 || enterpriseNumber > 0xffffffffL) throw new IllegalArgumentException("enterprise number does not fit 32 bits");
            Objects.requireNonNull(identifier, "identifier");
            if (identifier.length() > MAX_IDENTIFIER - 4) throw new IllegalArgumentException("identifier too long");
        }

        public int type() {
            return 2;
        }

        public Bytes bytes() {
            Writer w = new Writer(6 + identifier.length());
            w.u16(2);
            w.u32(enterpriseNumber);
            identifier.writeTo(w);
            return Bytes.wrap(w.toByteArray());
        }
    }

    /** DUID-LL (type 3): hardware type and link-layer address. */
    record LinkLayer(int hardwareType, Bytes linkLayerAddress) implements Duid {
        public LinkLayer {
            check16("hardware type", hardwareType);
            Objects.requireNonNull(linkLayerAddress, "linkLayerAddress");
            if (linkLayerAddress.length() > MAX_IDENTIFIER - 2) throw new IllegalArgumentException("link-layer address too long");
        }

        public int type() {
            return 3;
        }

        public Bytes bytes() {
            Writer w = new Writer(4 + linkLayerAddress.length());
            w.u16(3);
            w.u16(hardwareType);
            linkLayerAddress.writeTo(w);
            return Bytes.wrap(w.toByteArray());
        }
    }

    /** DUID-UUID (type 4, RFC 6355): a 128-bit UUID. */
    record Uuid(UUID uuid) implements Duid {
        public Uuid {
            Objects.requireNonNull(uuid, "uuid");
        }

        public int type() {
            return 4;
        }

        public Bytes bytes() {
            Writer w = new Writer(18);
            w.u16(4);
            w.u32(uuid.getMostSignificantBits() >>> 32);
            w.u32(uuid.getMostSignificantBits() & 0xffffffffL);
            w.u32(uuid.getLeastSignificantBits() >>> 32);
            w.u32(uuid.getLeastSignificantBits() & 0xffffffffL);
            return Bytes.wrap(w.toByteArray());
        }
    }

    /** A DUID of a type this codec does not interpret. */
    record Other(int type, Bytes identifier) implements Duid {
        public Other {
            check16("DUID type", type);
            if (type >= 1 && type <= 4) throw new IllegalArgumentException("DUID type " + type + " has its own record");
            Objects.requireNonNull(identifier, "identifier");
            if (identifier.length() > MAX_IDENTIFIER) throw new IllegalArgumentException("identifier too long");
        }

        public Bytes bytes() {
            Writer w = new Writer(2 + identifier.length());
            w.u16(type);
            identifier.writeTo(w);
            return Bytes.wrap(w.toByteArray());
        }
    }

    /** Parses a complete DUID with its type, in hex (as seed 000's dhcp6c_duid and prefixd's config take it). */
    public static Duid fromHex(String hex) {
        Bytes bytes = Bytes.fromHex(hex);
        Reader r = new Reader(bytes.toArray(), 0, bytes.length(), new Reader.Context("DUID"));
        try {
            Duid duid = read(r);
            r.expectEnd("DUID");
            return duid;
        } catch (DecodeException e) {
            throw new IllegalArgumentException("'" + hex + "' is not a DUID: " + e.problem());
        }
    }

    /** Decodes the body of a Client or Server Identifier option. */
    static Duid read(Reader body) throws DecodeException {
        int length = body.remaining();
        if (length < 2) throw body.error("a DUID needs at least its 2-byte type, got " + length + " bytes");
        if (length > MAX_IDENTIFIER + 2) throw body.error("a DUID is at most 130 bytes, got " + length);
        int type = body.u16("DUID type");
        return switch (type) {
            case 1 -> {
                if (body.remaining() < 6) throw body.error("DUID-LLT needs hardware type and time (6 bytes), got " + body.remaining());
                yield new LinkLayerPlusTime(body.u16("hardware type"), body.u32("time"), body.rest());
            }
            case 2 -> {
                if (body.remaining() < 4) throw body.error("DUID-EN needs a 4-byte enterprise number, got " + body.remaining());
                yield new Enterprise(body.u32("enterprise-number"), body.rest());
            }
            case 3 -> {
                if (body.remaining() < 2) throw body.error("DUID-LL needs a 2-byte hardware type, got " + body.remaining());
                yield new LinkLayer(body.u16("hardware type"), body.rest());
            }
            case 4 -> {
                if (body.remaining() != 16) throw body.error("DUID-UUID is 16 bytes after its type, got " + body.remaining());
                long high = (body.u32("UUID") << 32) | body.u32("UUID");
                long low = (body.u32("UUID") << 32) | body.u32("UUID");
                yield new Uuid(new UUID(high, low));
            }
            default -> new Other(type, body.rest());
        };
    }

    private static void check16(String what, int v) {
        if (v < 0 || v > 0xffff) throw new IllegalArgumentException(what + " " + v + " does not fit 16 bits");
    }
}
