package org.prefixd.dhcp6.codec;

import java.util.Objects;

/** Relay Message (RFC 8415 §21.10): the message a relay agent forwards, itself decoded. */
public record RelayMessageOption(Message message) implements Option {
    public RelayMessageOption {
        Objects.requireNonNull(message, "message");
    }

    public int code() {
        return OptionCodes.RELAY_MSG;
    }

    static RelayMessageOption read(Reader body, int relayDepth) throws DecodeException {
        return new RelayMessageOption(Dhcp6Codec.readMessage(body, relayDepth + 1));
    }

    public void writeBody(Writer out) {
        Dhcp6Codec.writeMessage(out, message);
    }
}
