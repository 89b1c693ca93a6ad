package org.prefixd.dhcp6.client;

import java.net.Inet6Address;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.prefixd.dhcp6.codec.Duid;
import org.prefixd.dhcp6.codec.RawOption;

/**
 * What a session asks for (from factory PID prefixd.dhcp6, validated).
 *
 * @param clientDuid our DUID
 * @param naIaid the IA_NA IAID, when an address is wanted (0 is valid)
 * @param pd the IA_PDs to ask for
 * @param rapidCommit offer Rapid Commit in the Solicit
 * @param firstSolicitDelay wait a random 0–1 s before the first Solicit (RFC 8415 §18.2.1); off for speed
 * @param requestedOptions extra option codes for the ORO
 * @param extraOptions raw options added to every message
 * @param preferredServer a server DUID to take whenever it advertises
 * @param stateless only Information-request: the server's information (DNS, domains, ...), no IAs
 * @param acceptReconfigure say so to the server (Reconfigure Accept) and act on authenticated Reconfigure messages
 * @param pdExclude ask for the Prefix Exclude option (67, RFC 6603) whenever IA_PDs are asked for
 */
public record SessionSettings(Duid clientDuid, Optional<Long> naIaid, List<PdRequest> pd, boolean rapidCommit,
                              boolean firstSolicitDelay, List<Integer> requestedOptions, List<RawOption> extraOptions,
                              Optional<Duid> preferredServer, boolean stateless, boolean acceptReconfigure, boolean pdExclude) {
    /** One IA_PD: its IAID, and optionally a prefix length (and prefix) to hint. */
    public record PdRequest(long iaid, int hintLength, Optional<Inet6Address> hint) {
        public PdRequest {
            if (iaid < 0 || iaid > 0xffffffffL) throw new IllegalArgumentException("IAID " + iaid + " does not fit 32 bits");
            if (hintLength < 0 || hintLength > 128) throw new IllegalArgumentException("prefix length hint " + hintLength + " is not in 0..128");
            Objects.requireNonNull(hint, "hint");
        }
    }

    /** Without asking for PD Exclude. */
    public SessionSettings(Duid clientDuid, Optional<Long> naIaid, List<PdRequest> pd, boolean rapidCommit, boolean firstSolicitDelay,
                           List<Integer> requestedOptions, List<RawOption> extraOptions, Optional<Duid> preferredServer, boolean stateless,
                           boolean acceptReconfigure) {
        this(clientDuid, naIaid, pd, rapidCommit, firstSolicitDelay, requestedOptions, extraOptions, preferredServer, stateless, acceptReconfigure, false);
    }

    /** Without Reconfigure, RFC 8415's default for a client. */
    public SessionSettings(Duid clientDuid, Optional<Long> naIaid, List<PdRequest> pd, boolean rapidCommit, boolean firstSolicitDelay,
                           List<Integer> requestedOptions, List<RawOption> extraOptions, Optional<Duid> preferredServer, boolean stateless) {
        this(clientDuid, naIaid, pd, rapidCommit, firstSolicitDelay, requestedOptions, extraOptions, preferredServer, stateless, false);
    }

    public SessionSettings {
        Objects.requireNonNull(clientDuid, "clientDuid");
        Objects.requireNonNull(naIaid, "naIaid");
        pd = List.copyOf(pd);
        requestedOptions = List.copyOf(requestedOptions);
        extraOptions = List.copyOf(extraOptions);
        Objects.requireNonNull(preferredServer, "preferredServer");
        if (!stateless && naIaid.isEmpty() && pd.isEmpty()) throw new IllegalArgumentException("asks for neither an address nor a prefix");
        if (stateless && (naIaid.isPresent() || !pd.isEmpty())) throw new IllegalArgumentException("stateless mode asks for no address and no prefix");
    }
}
