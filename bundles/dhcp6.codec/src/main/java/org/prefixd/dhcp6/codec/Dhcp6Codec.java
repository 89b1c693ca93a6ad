package org.prefixd.dhcp6.codec;

/**
 * Decodes and encodes DHCPv6 messages. Decoding is strict: anything that does not fit the
 * message format or an option's format is a {@link DecodeException} saying where and what;
 * what RFC 8415 leaves to the client to ignore (T1 greater than T2, a preferred lifetime greater
 * than the valid one) is decoded and exposed ({@link IaNa#timersValid()},
 * {@link IaAddress#lifetimesValid()}, ...). Encoding a decoded message gives back its bytes.
 */
public final class Dhcp6Codec {
    private Dhcp6Codec() {
    }

    public static Message decode(byte[] packet) throws DecodeException {
        Reader in = new Reader(packet, 0, packet.length, new Reader.Context("message"));
        return readMessage(in, 0);
    }

    public static byte[] encode(Message message) {
        Writer out = new Writer();
        writeMessage(out, message);
        return out.toByteArray();
    }

    /** An option's body as it goes on the wire (without its code and length): what a decoded option carried. */
    public static Bytes encodeBody(Option option) {
        Writer out = new Writer(64);
        option.writeBody(out);
        return Bytes.of(out.toByteArray());
    }

    static Message readMessage(Reader in, int relayDepth) throws DecodeException {
        if (relayDepth > OptionReader.MAX_RELAY_DEPTH)
            throw in.error("relay messages nested more than " + OptionReader.MAX_RELAY_DEPTH + " deep");
        int typeAt = in.position();
        int code = in.u8("msg-type");
        MessageType type = MessageType.of(code);
        if (type == null) throw in.error(typeAt, "unknown message type " + code);
        // Errors from here on, in the header too, name this message; inside a relayed message
        // they name the relayed one. Option depth counts within one message.
        Reader.Context context = in.context;
        String savedType = context.messageType;
        int savedDepth = context.optionDepth;
        context.messageType = type.rfcName();
        context.optionDepth = 0;
        Message message;
        if (type.isRelay()) {
            if (in.remaining() < 33) throw in.error(type.rfcName() + " header needs 33 more bytes, got " + in.remaining());
            int hops = in.u8("hop-count");
            var link = in.address("link-address");
            var peer = in.address("peer-address");
            message = new RelayMessage(type, hops, link, peer, OptionReader.readAll(in, relayDepth));
        } else if (type.isDhcp4o6()) {
            if (in.remaining() < 3) throw in.error(type.rfcName() + " header needs 3 more bytes, got " + in.remaining());
            int flags = in.u24("flags");
            message = new Dhcp4o6Message(type, flags, OptionReader.readAll(in, relayDepth));
        } else {
            if (in.remaining() < 3) throw in.error(type.rfcName() + " header needs a 3-byte transaction-id, got " + in.remaining());
            int xid = in.u24("transaction-id");
            message = new ClientServerMessage(type, xid, OptionReader.readAll(in, relayDepth));
        }
        context.messageType = savedType;
        context.optionDepth = savedDepth;
        return message;
    }

    static void writeMessage(Writer out, Message message) {
        out.u8(message.type().code());
        if (message instanceof RelayMessage relay) {
            out.u8(relay.hopCount());
            out.address(relay.linkAddress());
            out.address(relay.peerAddress());
        } else if (message instanceof Dhcp4o6Message query) {
            out.u24(query.flags());
        } else if (message instanceof ClientServerMessage cs) {
            out.u24(cs.transactionId());
        }
        message.options().write(out);
    }
}
