package org.prefixd.dhcp6.client;

import java.net.Inet6Address;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.prefixd.dhcp6.codec.Duid;
import org.prefixd.dhcp6.codec.DomainName;
import org.prefixd.dhcp6.codec.StatusCode;

/**
 * What an Advertise or Reply gives this client, after every check the RFC asks for and the
 * router needs: the IAs it may use, the per-IA status codes, the server's information, and one
 * line for everything it set aside and why (for the log).
 *
 * @param server the server's DUID
 * @param offersSomething whether any IA holds an address or prefix with a valid lifetime above 0
 * @param preference the Preference option's value (0 when absent, RFC 8415 §18.2.9)
 * @param rapidCommit whether the message carries Rapid Commit
 * @param status the message-level status code, when present
 * @param bound the IAs with addresses or prefixes; one with a valid lifetime of 0 (withdrawn) is valid until the time of the message
 * @param iaStatus per requested IA (key "NA 1", "PD 2"), the status code the server put in it
 * @param dnsServers DNS recursive name servers (unicast only)
 * @param domains domain search list
 * @param sntpServers SNTP servers (unicast only)
 * @param aftr the DS-Lite AFTR name
 * @param solMaxRt SOL_MAX_RT in seconds, when given (60..86400, else ignored per §21.24)
 * @param infMaxRt INF_MAX_RT in seconds, when given (60..86400, else ignored per §21.25)
 * @param informationRefresh Information Refresh Time in seconds, when given (at least 600, §21.23)
 * @param setAside one line per option or value that was not taken, with the reason
 */
public record ServerReply(Duid server, boolean offersSomething, int preference, boolean rapidCommit, Optional<StatusCode> status, List<IaBinding> bound,
                          Map<String, StatusCode> iaStatus, ServerInformation information, Optional<Long> solMaxRt,
                          Optional<Long> infMaxRt, Optional<Long> informationRefresh, Optional<ReconfigureKey> reconfigureKey,
                          List<String> setAside) {
    public ServerReply {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(status, "status");
        bound = List.copyOf(bound);
        iaStatus = Map.copyOf(iaStatus);
        Objects.requireNonNull(information, "information");
        Objects.requireNonNull(solMaxRt, "solMaxRt");
        Objects.requireNonNull(infMaxRt, "infMaxRt");
        Objects.requireNonNull(informationRefresh, "informationRefresh");
        Objects.requireNonNull(reconfigureKey, "reconfigureKey");
        setAside = List.copyOf(setAside);
    }

    public List<Inet6Address> dnsServers() {
        return information.dnsServers();
    }

    public List<DomainName> domains() {
        return information.domains();
    }
}
