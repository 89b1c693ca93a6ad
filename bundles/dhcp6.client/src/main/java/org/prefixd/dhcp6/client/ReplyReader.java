package org.prefixd.dhcp6.client;

import java.net.Inet6Address;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.prefixd.api.Ipv6Text;
import org.prefixd.api.Prefix;
import org.prefixd.api.ReceivedOption;
import org.prefixd.dhcp6.codec.AftrName;
import org.prefixd.dhcp6.codec.Authentication;
import org.prefixd.dhcp6.codec.ClientId;
import org.prefixd.dhcp6.codec.ClientServerMessage;
import org.prefixd.dhcp6.codec.Dhcp4o6Servers;
import org.prefixd.dhcp6.codec.Dhcp6Codec;
import org.prefixd.dhcp6.codec.DnsServers;
import org.prefixd.dhcp6.codec.DomainList;
import org.prefixd.dhcp6.codec.DomainName;
import org.prefixd.dhcp6.codec.Duid;
import org.prefixd.dhcp6.codec.IaAddress;
import org.prefixd.dhcp6.codec.IaNa;
import org.prefixd.dhcp6.codec.IaPd;
import org.prefixd.dhcp6.codec.IaPrefix;
import org.prefixd.dhcp6.codec.InfMaxRt;
import org.prefixd.dhcp6.codec.InformationRefreshTime;
import org.prefixd.dhcp6.codec.MessageType;
import org.prefixd.dhcp6.codec.NtpServer;
import org.prefixd.dhcp6.codec.Option;
import org.prefixd.dhcp6.codec.Options;
import org.prefixd.dhcp6.codec.Preference;
import org.prefixd.dhcp6.codec.RapidCommit;
import org.prefixd.dhcp6.codec.ReceivedName;
import org.prefixd.dhcp6.codec.ServerId;
import org.prefixd.dhcp6.codec.SipServerAddresses;
import org.prefixd.dhcp6.codec.SipServerDomains;
import org.prefixd.dhcp6.codec.SntpServers;
import org.prefixd.dhcp6.codec.SolMaxRt;
import org.prefixd.dhcp6.codec.StatusCode;
import org.prefixd.dhcp6.codec.UnusableName;

/**
 * Reads an Advertise or Reply the way RFC 8415 §18.2.9–§18.2.10 and §21 tell a client to, and
 * the way a router must: nothing a server sends reaches the router's configuration unless it
 * is sane. A hostile or broken server can make prefixd ignore its message or an IA, never
 * configure a multicast address, a ::/0 route or a lifetime that runs backwards.
 */
public final class ReplyReader {
    /** Delegated prefixes shorter than this would take over routes the router needs (a /0 or /8 is no delegation). */
    public static final int SHORTEST_DELEGATED_PREFIX = 16;
    /** Longer than /64 cannot be split into LAN /64s for SLAAC. */
    public static final int LONGEST_DELEGATED_PREFIX = 64;

    private final Duid clientDuid;
    private final Set<Long> naIaids;
    private final Set<Long> pdIaids;
    private final Set<Integer> kept;

    /**
     * The options prefixd reads itself (the protocol's, and the server information it uses):
     * never kept as received options, whatever the owner asks for.
     */
    static final Set<Integer> INTERPRETED = Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24,
            25, 26, 31, 32, 56, 64, 67, 82, 83, 87, 88);

    /** @param naIaids the IA_NA IAIDs this client asked for; pdIaids likewise for IA_PD */
    public ReplyReader(Duid clientDuid, Set<Long> naIaids, Set<Long> pdIaids) {
        this(clientDuid, naIaids, pdIaids, Set.of());
    }

    /** @param requested the owner's extra option codes (request.options): those prefixd does not interpret are kept as they came */
    public ReplyReader(Duid clientDuid, Set<Long> naIaids, Set<Long> pdIaids, java.util.Collection<Integer> requested) {
        this.clientDuid = clientDuid;
        this.naIaids = Set.copyOf(naIaids);
        this.pdIaids = Set.copyOf(pdIaids);
        Set<Integer> keep = new java.util.HashSet<>(requested);
        keep.removeAll(INTERPRETED);
        this.kept = Set.copyOf(keep);
    }

    /**
     * @return the usable content, or an explanation of why the whole message must be ignored
     */
    public Result read(ClientServerMessage message, Instant now) {
        if (message.type() != MessageType.ADVERTISE && message.type() != MessageType.REPLY)
            return new Result.Ignored(message.type().rfcName() + " is not an answer to a client");
        Options options = message.options();
        Optional<ServerId> server = options.get(ServerId.class);
        if (server.isEmpty()) return new Result.Ignored("no Server Identifier (RFC 8415 §16.3, §16.10)");
        Optional<ClientId> client = options.get(ClientId.class);
        if (client.isEmpty() || !client.get().duid().equals(clientDuid))
            return new Result.Ignored("Client Identifier missing or not ours");

        List<String> setAside = new ArrayList<>();
        List<IaBinding> bound = new ArrayList<>();
        Map<String, StatusCode> iaStatus = new HashMap<>();
        for (IaNa na : options.all(IaNa.class)) {
            String key = "NA " + na.iaid();
            if (!naIaids.contains(na.iaid())) { setAside.add("IA_NA " + na.iaid() + ": not asked for"); continue; }
            if (!na.timersValid()) { setAside.add("IA_NA " + na.iaid() + ": T1 " + na.t1() + " > T2 " + na.t2() + " (RFC 8415 §21.4)"); continue; }
            na.status().ifPresent(s -> iaStatus.put(key, s));
            List<LeasedAddress> addresses = new ArrayList<>();
            long shortestPreferred = LeaseTimes.INFINITY;
            for (IaAddress a : na.addresses()) {
                String why = addressProblem(a);
                if (why != null) { setAside.add("IAADDR " + Ipv6Text.format(a.address()) + ": " + why); continue; }
                // A valid lifetime of 0 withdraws the address (RFC 8415 §18.2.10.1): it stays in
                // the binding, valid until now, so that merging it removes the address.
                addresses.add(new LeasedAddress(a.address(), LeaseTimes.at(now, a.preferredLifetime()), LeaseTimes.at(now, a.validLifetime())));
                if (a.validLifetime() > 0) shortestPreferred = Math.min(shortestPreferred, basis(a.preferredLifetime(), a.validLifetime()));
            }
            if (!addresses.isEmpty()) {
                Instant[] t = timers(now, na.t1(), na.t2(), shortestPreferred);
                bound.add(new IaBinding(IaBinding.Type.NA, na.iaid(), t[0], t[1], addresses, List.of()));
            }
        }
        for (IaPd pd : options.all(IaPd.class)) {
            String key = "PD " + pd.iaid();
            if (!pdIaids.contains(pd.iaid())) { setAside.add("IA_PD " + pd.iaid() + ": not asked for"); continue; }
            if (!pd.timersValid()) { setAside.add("IA_PD " + pd.iaid() + ": T1 " + pd.t1() + " > T2 " + pd.t2() + " (RFC 8415 §21.21)"); continue; }
            pd.status().ifPresent(s -> iaStatus.put(key, s));
            List<LeasedPrefix> prefixes = new ArrayList<>();
            long shortestPreferred = LeaseTimes.INFINITY;
            for (IaPrefix p : pd.prefixes()) {
                String why = prefixProblem(p);
                if (why != null) { setAside.add("IAPREFIX " + Ipv6Text.format(p.prefix()) + "/" + p.prefixLength() + ": " + why); continue; }
                // RFC 6603 §4.2: an exclusion that does not fit sets its prefix aside (the prefix
                // without it could give the WAN's own subnet to a LAN); one that fits is kept, asked for or not.
                if (p.excludeProblem().isPresent()) {
                    setAside.add("IAPREFIX " + Ipv6Text.format(p.prefix()) + "/" + p.prefixLength() + ": " + p.excludeProblem().get());
                    continue;
                }
                Optional<Prefix> excluded = Optional.empty();
                if (p.excludedPrefix().isPresent()) excluded = Optional.of(new Prefix(p.excludedPrefix().get(), p.exclude().get().prefixLength()));
                prefixes.add(new LeasedPrefix(p.prefix(), p.prefixLength(), LeaseTimes.at(now, p.preferredLifetime()), LeaseTimes.at(now, p.validLifetime()), excluded));
                if (p.validLifetime() > 0) shortestPreferred = Math.min(shortestPreferred, basis(p.preferredLifetime(), p.validLifetime()));
            }
            if (!prefixes.isEmpty()) {
                Instant[] t = timers(now, pd.t1(), pd.t2(), shortestPreferred);
                bound.add(new IaBinding(IaBinding.Type.PD, pd.iaid(), t[0], t[1], List.of(), prefixes));
            }
        }

        List<Inet6Address> dns = unicastOnly(options.get(DnsServers.class).map(DnsServers::addresses).orElse(List.of()), "DNS server", setAside);
        List<Inet6Address> sntp = unicastOnly(options.get(SntpServers.class).map(SntpServers::addresses).orElse(List.of()), "SNTP server", setAside);
        List<Inet6Address> ntpAddresses = new ArrayList<>();
        List<DomainName> ntpNames = new ArrayList<>();
        for (NtpServer ntp : options.all(NtpServer.class))
            for (NtpServer.Suboption sub : ntp.suboptions()) {
                if (sub instanceof NtpServer.ServerAddress a) ntpAddresses.add(a.address());
                else if (sub instanceof NtpServer.ServerName n) hostName(n.name(), "NTP_SERVER name", setAside).ifPresent(ntpNames::add);
            }
        List<Inet6Address> sip = unicastOnly(options.get(SipServerAddresses.class).map(SipServerAddresses::addresses).orElse(List.of()), "SIP server", setAside);
        Optional<DomainList> domains = options.get(DomainList.class);
        domains.ifPresent(d -> unusable(d.unusable(), "DOMAIN_LIST", setAside));
        Optional<SipServerDomains> sipDomains = options.get(SipServerDomains.class);
        sipDomains.ifPresent(d -> unusable(d.unusable(), "SIP_SERVER_D", setAside));
        ServerInformation information = new ServerInformation(dns, domains.map(DomainList::names).orElse(List.of()), sntp,
                unicastOnly(ntpAddresses, "NTP server", setAside), ntpNames, sip, sipDomains.map(SipServerDomains::names).orElse(List.of()),
                options.get(AftrName.class).flatMap(a -> hostName(a.name(), "AFTR_NAME", setAside)), received(options, setAside),
                options.get(Dhcp4o6Servers.class).map(s -> unicastOnly(s.addresses(), "DHCP 4o6 server", setAside)));
        boolean offers = bound.stream().anyMatch(ia -> ia.validUntil().isAfter(now));
        return new Result.Usable(new ServerReply(server.get().duid(), offers, options.get(Preference.class).map(Preference::value).orElse(0),
                options.get(RapidCommit.class).isPresent(), options.get(StatusCode.class), bound, iaStatus, information,
                bounded(options.get(SolMaxRt.class).map(SolMaxRt::seconds), 60, 86400, "SOL_MAX_RT", setAside),
                bounded(options.get(InfMaxRt.class).map(InfMaxRt::seconds), 60, 86400, "INF_MAX_RT", setAside),
                options.get(InformationRefreshTime.class).map(t -> Math.max(600, t.seconds())), reconfigureKey(message, setAside), setAside));
    }

    /** The owner's options as the server sent them (their bodies, hex), within the bounds; the rest is set aside, named. */
    private List<ReceivedOption> received(Options options, List<String> setAside) {
        KeptOptions out = new KeptOptions();
        if (kept.isEmpty()) return out.list();
        for (Option option : options) {
            if (!kept.contains(option.code())) continue;
            org.prefixd.dhcp6.codec.Bytes body = Dhcp6Codec.encodeBody(option);
            switch (out.offer(option.code(), body)) {
                case TOO_LONG -> setAside.add("option " + option.code() + " of " + body.length() + " bytes (more than " + ReceivedOption.MAX_BYTES + " are not kept)");
                case LEASE_FULL -> setAside.add("option " + option.code() + ": the options kept reach " + ReceivedOption.MAX_BYTES_PER_LEASE + " bytes");
                case KEPT -> { }
            }
        }
        return out.list();
    }

    /** §20.4.1: a Reply may carry the key for later Reconfigure messages (RKAP, type 1). */
    private static Optional<ReconfigureKey> reconfigureKey(ClientServerMessage message, List<String> setAside) {
        Optional<Authentication> auth = message.options().get(Authentication.class);
        if (auth.isEmpty() || message.type() != MessageType.REPLY) return Optional.empty();
        Optional<Authentication.ReconfigureKeyInfo> info = auth.get().reconfigureKey();
        if (info.isEmpty() || info.get().type() != Authentication.ReconfigureKeyInfo.KEY) {
            setAside.add("an Authentication option that is no Reconfigure key (protocol " + auth.get().protocol() + ")");
            return Optional.empty();
        }
        return Optional.of(new ReconfigureKey(info.get().value(), auth.get().replayDetection()));
    }

    /** The outcome of reading one message. */
    public sealed interface Result {
        record Usable(ServerReply reply) implements Result {
        }

        record Ignored(String why) implements Result {
        }
    }

    /**
     * What a T1 or T2 the client chooses is a fraction of: the preferred lifetime, or for a
     * deprecated address or prefix (preferred 0) the valid one — a T1 of 0 s would send a Renew at
     * once, which RFC 8415 §14.2 forbids ("MUST NOT transmit immediately").
     */
    private static long basis(long preferred, long valid) {
        return preferred > 0 ? preferred : valid;
    }

    /**
     * T1 and T2 of an IA: as given, or chosen by the client where the server gives 0 (§14.2). A
     * chosen one never crosses a given one (T1 ≤ T2, §21.4: a T2 before T1 would rebind without
     * ever renewing): it keeps the 0.5 : 0.8 ratio to the given one then.
     */
    private static Instant[] timers(Instant now, long t1, long t2, long shortestPreferred) {
        Instant renew = renewAt(now, t1, shortestPreferred, true);
        Instant rebind = renewAt(now, t2, shortestPreferred, false);
        if (renew.isAfter(rebind)) {
            if (t2 == 0) rebind = t1 == LeaseTimes.INFINITY ? LeaseTimes.FOREVER : now.plus(Duration.ofSeconds(t1).multipliedBy(8).dividedBy(5));
            else renew = now.plus(Duration.ofSeconds(t2).multipliedBy(5).dividedBy(8));
        }
        return new Instant[] {renew, rebind};
    }

    private static Instant renewAt(Instant now, long t, long shortestPreferred, boolean t1) {
        if (t > 0) return LeaseTimes.at(now, t);
        Duration d = t1 ? LeaseTimes.defaultT1(shortestPreferred) : LeaseTimes.defaultT2(shortestPreferred);
        return d.getSeconds() >= LeaseTimes.INFINITY ? LeaseTimes.FOREVER : now.plus(d);
    }

    private static String addressProblem(IaAddress a) {
        if (!a.lifetimesValid()) return "preferred lifetime " + a.preferredLifetime() + " > valid lifetime " + a.validLifetime() + " (RFC 8415 §21.6)";
        return notGlobalUnicast(a.address());
    }

    private static String prefixProblem(IaPrefix p) {
        if (!p.lifetimesValid()) return "preferred lifetime " + p.preferredLifetime() + " > valid lifetime " + p.validLifetime() + " (RFC 8415 §21.22)";
        if (p.prefixLength() < SHORTEST_DELEGATED_PREFIX || p.prefixLength() > LONGEST_DELEGATED_PREFIX)
            return "length outside /" + SHORTEST_DELEGATED_PREFIX + "../" + LONGEST_DELEGATED_PREFIX;
        return notGlobalUnicast(p.prefix());
    }

    /** Why an address a server hands out cannot be configured, or null when it can. */
    static String notGlobalUnicast(Inet6Address a) {
        if (a.isAnyLocalAddress()) return "unspecified address";
        if (a.isLoopbackAddress()) return "loopback address";
        if (a.isMulticastAddress()) return "multicast address";
        if (a.isLinkLocalAddress()) return "link-local address";
        if (a.isSiteLocalAddress()) return "deprecated site-local address";
        byte[] b = a.getAddress();
        boolean v4Mapped = true;
        for (int i = 0; i < 10; i++) v4Mapped &= b[i] == 0;
        if (v4Mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) return "IPv4-mapped address";
        return null;
    }

    /**
     * A name that is not a host name (an underscore, shell syntax, a control character) is left
     * out with a line for the log; the rest of the message is used.
     */
    private static Optional<DomainName> hostName(ReceivedName name, String what, List<String> setAside) {
        if (name instanceof UnusableName u) unusable(List.of(u), what, setAside);
        return name.hostName();
    }

    private static void unusable(List<UnusableName> names, String what, List<String> setAside) {
        for (UnusableName u : names) setAside.add(what + " " + u + ": not a host name, left out");
    }

    private static List<Inet6Address> unicastOnly(List<Inet6Address> in, String what, List<String> setAside) {
        List<Inet6Address> out = new ArrayList<>();
        for (Inet6Address a : in) {
            // loopback too: a server naming ::1 would have the router send to itself
            if (a.isMulticastAddress() || a.isAnyLocalAddress() || a.isLoopbackAddress()) setAside.add(what + " " + Ipv6Text.format(a) + ": not a unicast address");
            else out.add(a);
        }
        return out;
    }

    private static Optional<Long> bounded(Optional<Long> value, long min, long max, String what, List<String> setAside) {
        if (value.isPresent() && (value.get() < min || value.get() > max)) {
            setAside.add(what + " " + value.get() + ": outside " + min + ".." + max + " (RFC 8415 §21.24/§21.25)");
            return Optional.empty();
        }
        return value;
    }
}
