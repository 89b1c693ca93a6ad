package org.prefixd.api;

/** A change of the network configuration failed; the message says what the system answered. */
public final class NetConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public NetConfigException(String message) {
        super(message);
    }
}
