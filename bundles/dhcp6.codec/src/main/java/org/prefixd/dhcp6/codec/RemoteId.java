package org.prefixd.dhcp6.codec;

import java.util.Objects;

/** Relay Agent Remote-ID (RFC 4649): an enterprise number and an opaque remote-id. */
public record RemoteId(long enterpriseNumber, Bytes remoteId) implements Option {
    public RemoteId {
        Lifetimes.check("enterprise number", enterpriseNumber);
        Objects.requireNonNull(remoteId, "remoteId");
    }

    public int code() {
        return OptionCodes.REMOTE_ID;
    }

    public void writeBody(Writer out) {
        out.u32(enterpriseNumber);
        remoteId.writeTo(out);
    }
}
