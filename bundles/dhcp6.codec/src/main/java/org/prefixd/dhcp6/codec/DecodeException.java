package org.prefixd.dhcp6.codec;

/**
 * The bytes are not a well-formed DHCPv6 message. Says which message, which option (as a path
 * such as "IA_PD/IAPREFIX"), at which byte offset of the packet, and what is wrong.
 */
public final class DecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String messageType;
    private final String path;
    private final int offset;
    private final String problem;

    public DecodeException(String messageType, String path, int offset, String problem) {
        super(messageType + (path.isEmpty() ? "" : " " + path) + " at byte " + offset + ": " + problem, null, false, false);
        this.messageType = messageType;
        this.path = path;
        this.offset = offset;
        this.problem = problem;
    }

    /** The message type's name, or "message" when the type itself could not be read. */
    public String messageType() {
        return messageType;
    }

    /** The options from the message down to the faulty one, e.g. "IA_PD/IAPREFIX"; empty for the header. */
    public String path() {
        return path;
    }

    /** Offset in the packet of the faulty field. */
    public int offset() {
        return offset;
    }

    public String problem() {
        return problem;
    }
}
