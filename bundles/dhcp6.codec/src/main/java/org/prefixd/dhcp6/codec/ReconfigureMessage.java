package org.prefixd.dhcp6.codec;

/** Reconfigure Message (RFC 8415 §21.19): the message the server wants the client to send (5 Renew, 6 Rebind, 11 Information-request). */
public record ReconfigureMessage(int messageType) implements Option {
    public ReconfigureMessage {
        if (messageType < 0 || messageType > 0xff) throw new IllegalArgumentException("messageType " + messageType + " does not fit 8 bits");
    }

    public int code() {
        return OptionCodes.RECONF_MSG;
    }

    public void writeBody(Writer out) {
        out.u8(messageType);
    }
}
