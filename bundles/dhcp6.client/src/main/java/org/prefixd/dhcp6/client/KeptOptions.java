package org.prefixd.dhcp6.client;

import java.util.ArrayList;
import java.util.List;

import org.prefixd.api.ReceivedOption;
import org.prefixd.dhcp6.codec.Bytes;

/**
 * The received options one lease keeps for the owner (DHCPv6 and DHCPv4 alike), within
 * {@link ReceivedOption}'s bounds: at most {@link ReceivedOption#MAX_BYTES} an option and
 * {@link ReceivedOption#MAX_BYTES_PER_LEASE} in all, the first ones offered kept.
 */
final class KeptOptions {
    /** What became of an option offered. */
    enum Verdict { KEPT, TOO_LONG, LEASE_FULL }

    private final List<ReceivedOption> kept = new ArrayList<>();
    private int bytes;

    Verdict offer(int code, Bytes body) {
        if (body.length() > ReceivedOption.MAX_BYTES) return Verdict.TOO_LONG;
        if (bytes + body.length() > ReceivedOption.MAX_BYTES_PER_LEASE) return Verdict.LEASE_FULL;
        bytes += body.length();
        kept.add(new ReceivedOption(code, body.hex()));
        return Verdict.KEPT;
    }

    List<ReceivedOption> list() {
        return List.copyOf(kept);
    }
}
