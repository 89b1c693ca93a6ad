package org.prefixd.dhcp6.server;

import java.net.Inet6Address;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.prefixd.api.Ipv6Text;
import org.prefixd.api.Prefix;
import org.prefixd.api.PrefixSpace;
import org.prefixd.dhcp6.codec.Bytes;
import org.prefixd.dhcp6.codec.ClientFqdn;
import org.prefixd.dhcp6.codec.ClientId;
import org.prefixd.dhcp6.codec.ClientServerMessage;
import org.prefixd.dhcp6.codec.DnsServers;
import org.prefixd.dhcp6.codec.DomainList;
import org.prefixd.dhcp6.codec.DomainName;
import org.prefixd.dhcp6.codec.Duid;
import org.prefixd.dhcp6.codec.IaAddress;
import org.prefixd.dhcp6.codec.IaNa;
import org.prefixd.dhcp6.codec.IaPd;
import org.prefixd.dhcp6.codec.IaPrefix;
import org.prefixd.dhcp6.codec.InformationRefreshTime;
import org.prefixd.dhcp6.codec.MessageType;
import org.prefixd.dhcp6.codec.Option;
import org.prefixd.dhcp6.codec.OptionRequest;
import org.prefixd.dhcp6.codec.Options;
import org.prefixd.dhcp6.codec.RapidCommit;
import org.prefixd.dhcp6.codec.RawOption;
import org.prefixd.dhcp6.codec.ReceivedName;
import org.prefixd.dhcp6.codec.ServerId;
import org.prefixd.dhcp6.codec.StatusCode;

/**
 * The DHCPv6 server of one LAN (RFC 8415 §18.3), pure: a client's message, where it came from and
 * the LAN as it is now in; the answer (if any), the lease changes and a note for the log out.
 * Addresses are IA_NA, one per LAN subnet, all with the same interface identifier
 * ({@link InterfaceIds}); lifetimes never beyond the subnet's. IA_PD, when the LAN delegates, gets
 * a sub-prefix of every delegated prefix with a subnet on the LAN, the same number in each
 * (the client's former one, else its hint, else the lowest free), never one another LAN or router
 * has; NoPrefixAvail otherwise.
 */
public final class LanServer {
    /** Option 59, RFC 5970. */
    static final int BOOTFILE_URL = 59;

    /** The most sub-prefix numbers looked at for a free one (each taken prefix blocks a few). */
    static final int MAX_PROBES = 65536;

    /** What to do: send {@code reply} (if any) to the client, then act on {@code events} and {@code delegations}. */
    public record Answer(Optional<ClientServerMessage> reply, List<LanLeaseEvent> events, List<DelegationEvent> delegations, String note) {
        public Answer {
            Objects.requireNonNull(reply, "reply");
            events = List.copyOf(events);
            delegations = List.copyOf(delegations);
            Objects.requireNonNull(note, "note");
        }

        public Answer(Optional<ClientServerMessage> reply, List<LanLeaseEvent> events, String note) {
            this(reply, events, List.of(), note);
        }

        static Answer drop(String why) {
            return new Answer(Optional.empty(), List.of(), "dropped: " + why);
        }
    }

    private final ServerSettings settings;
    private final Bindings bindings;
    private final Delegations delegations;

    public LanServer(ServerSettings settings, Bindings bindings) {
        this(settings, bindings, new Delegations());
    }

    public LanServer(ServerSettings settings, Bindings bindings, Delegations delegations) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.bindings = Objects.requireNonNull(bindings, "bindings");
        this.delegations = Objects.requireNonNull(delegations, "delegations");
    }

    public Delegations delegations() {
        return delegations;
    }

    public Bindings bindings() {
        return bindings;
    }

    public ServerSettings settings() {
        return settings;
    }

    /**
     * A client's message relayed by agents on the LAN: a lightweight relay (RFC 6221, link-address
     * ::) or a relay whose link-address is in one of the LAN's subnets; anything relayed from
     * another link is not this LAN's and is dropped. The MAC comes from the Client Link-Layer
     * Address option first (RFC 6939). No delegation through a relay: the route's next hop would
     * not be the router. The answer is the reply, for {@link RelayPath#wrap}.
     */
    public Answer answerRelayed(RelayPath path, LanView view, Instant now) {
        for (Inet6Address link : path.linkAddresses()) {
            if (link.isAnyLocalAddress()) continue;
            boolean here = false;
            for (LanView.Subnet s : view.subnets()) here |= s.prefix().contains(new Prefix(link, 128));
            if (!here) return Answer.drop("a message relayed from link " + link.getHostAddress() + ", not one of " + view.lan() + "'s subnets");
        }
        return answer(path.client(), path.peer(), path.clientLinkLayer(), true, view, now);
    }

    /**
     * @param source the client's source address (its link-local: an EUI-64 one says its MAC)
     */
    public Answer answer(ClientServerMessage m, Inet6Address source, LanView view, Instant now) {
        return answer(m, source, Optional.empty(), false, view, now);
    }

    /** @param seenMac the MAC a relay next to the client saw (option 79): it comes before what the DUID claims */
    private Answer answer(ClientServerMessage m, Inet6Address source, Optional<MacAddress> seenMac, boolean relayed, LanView view, Instant now) {
        if (settings.mode() == ServerSettings.Mode.OFF) return Answer.drop("DHCPv6 is off on " + view.lan());
        Options o = m.options();
        Optional<Duid> client = o.get(ClientId.class).map(ClientId::duid);
        Optional<Duid> server = o.get(ServerId.class).map(ServerId::duid);
        boolean ours = server.isPresent() && server.get().equals(settings.serverDuid());
        switch (m.type()) {
            case SOLICIT, REBIND, CONFIRM:
                if (client.isEmpty()) return Answer.drop("a " + m.type().rfcName() + " without Client Identifier (RFC 8415 §16)");
                if (server.isPresent()) return Answer.drop("a " + m.type().rfcName() + " with a Server Identifier (RFC 8415 §16)");
                break;
            case REQUEST, RENEW, RELEASE, DECLINE:
                if (client.isEmpty()) return Answer.drop("a " + m.type().rfcName() + " without Client Identifier (RFC 8415 §16)");
                if (!ours) return Answer.drop("a " + m.type().rfcName() + " for another server");
                break;
            case INFORMATION_REQUEST:
                if (server.isPresent() && !ours) return Answer.drop("an Information-request for another server");
                if (!o.all(IaNa.class).isEmpty() || !o.all(IaPd.class).isEmpty()) return Answer.drop("an Information-request with an IA (RFC 8415 §16.12)");
                return new Answer(Optional.of(informationReply(m, client, view, seenMac.or(() -> MacAddress.fromEui64LinkLocal(source)))), List.of(), "information");
            default:
                return Answer.drop("a " + m.type().rfcName() + ", which servers do not answer");
        }
        Duid id = client.get();
        Optional<MacAddress> mac = seenMac.or(() -> MacAddress.fromDuid(id)).or(() -> MacAddress.fromEui64LinkLocal(source));
        return switch (m.type()) {
            case SOLICIT -> solicit(m, id, mac, source, relayed, view, now);
            case REQUEST, RENEW, REBIND -> bind(m, id, mac, source, relayed, view, now);
            case RELEASE -> release(m, id);
            case DECLINE -> decline(m, id);
            case CONFIRM -> confirm(m, id, view);
            default -> throw new IllegalStateException(m.type().toString());
        };
    }

    /** Leases past their valid time go (the component calls this on a timer). */
    public List<LanLeaseEvent> expire(Instant now) {
        List<LanLeaseEvent> out = new ArrayList<>();
        for (LanLease l : bindings.expire(now)) out.add(new LanLeaseEvent(LanLeaseEvent.Kind.EXPIRED, l));
        return out;
    }

    /**
     * The prefixes of a delegation whose WAN prefix went (its pool deprecated, and no live pool
     * holds them): the component takes their routes away at once; the router's next Renew or
     * Rebind gets them with lifetimes 0. A prefix no pool holds at all is not taken: that is a LAN
     * subnet between two registrations (the distributor's bundle updated), and expiry ends it.
     */
    public static List<Prefix> withdrawn(Delegation d, LanView view, Instant now) {
        List<Prefix> out = new ArrayList<>();
        for (Prefix p : d.given()) {
            boolean live = false, deprecated = false;
            for (LanView.Pool pool : view.pools()) {
                if (!pool.delegated().contains(p)) continue;
                if (pool.deprecated()) deprecated = true;
                else live |= pool.validUntil().isAfter(now);
            }
            if (deprecated && !live) out.add(p);
        }
        return out;
    }

    /** Delegations past their valid time go (the component calls this on a timer): their routes are removed. */
    public List<DelegationEvent> expireDelegations(Instant now) {
        List<DelegationEvent> out = new ArrayList<>();
        for (Delegation d : delegations.expire(now)) out.add(new DelegationEvent(LanLeaseEvent.Kind.EXPIRED, d, Optional.of(d)));
        return out;
    }

    private Answer solicit(ClientServerMessage m, Duid id, Optional<MacAddress> mac, Inet6Address source, boolean relayed, LanView view, Instant now) {
        boolean rapid = settings.rapidCommit() && m.options().get(RapidCommit.class).isPresent()
                && (settings.mode() == ServerSettings.Mode.STATEFUL || settings.delegate().isPresent() && !m.options().all(IaPd.class).isEmpty());
        if (rapid) {
            Answer bound = bind(m, id, mac, source, relayed, view, now);
            if (bound.reply().isEmpty()) return bound;
            ClientServerMessage r = bound.reply().get();
            return new Answer(Optional.of(new ClientServerMessage(MessageType.REPLY, r.transactionId(), r.options().with(new RapidCommit()))),
                    bound.events(), bound.delegations(), bound.note() + ", rapid commit");
        }
        List<Option> out = new ArrayList<>(header(id));
        List<String> notes = new ArrayList<>();
        for (IaNa na : m.options().all(IaNa.class)) {
            if (settings.mode() != ServerSettings.Mode.STATEFUL || view.subnets().isEmpty()) {
                out.add(noAddresses(na.iaid(), settings.mode() != ServerSettings.Mode.STATEFUL ? "addresses come from SLAAC on this LAN" : "no subnet on this LAN yet"));
                continue;
            }
            Optional<LanLease> lease = choose(id, na.iaid(), mac, source, now.plus(Duration.ofSeconds(120)), notes, null);
            if (lease.isEmpty()) {
                out.add(noAddresses(na.iaid(), "no address left"));
                continue;
            }
            bindings.offer(lease.get());
            out.add(iaNa(na.iaid(), lease.get(), view, now));
        }
        for (IaPd pd : m.options().all(IaPd.class)) out.add(relayed ? notThroughRelays(pd) : offerPrefixes(pd, id, view, now, notes));
        out.addAll(information(m, view, mac));
        fqdn(m, id, mac).ifPresent(out::add);
        return new Answer(Optional.of(new ClientServerMessage(MessageType.ADVERTISE, m.transactionId(), Options.of(out))), List.of(),
                "advertise" + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")"));
    }

    /** Request, Renew, Rebind, and Solicit with rapid commit: the IA_NAs and IA_PDs bound (or bound again) for the lease time. */
    private Answer bind(ClientServerMessage m, Duid id, Optional<MacAddress> mac, Inet6Address source, boolean relayed, LanView view, Instant now) {
        List<Option> out = new ArrayList<>(header(id));
        List<LanLeaseEvent> events = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (IaNa na : m.options().all(IaNa.class)) {
            if (settings.mode() != ServerSettings.Mode.STATEFUL || view.subnets().isEmpty()) {
                out.add(noAddresses(na.iaid(), settings.mode() != ServerSettings.Mode.STATEFUL ? "addresses come from SLAAC on this LAN" : "no subnet on this LAN yet"));
                continue;
            }
            String key = LanLease.key(id, na.iaid());
            Optional<LanLease> held = bindings.bound(key);
            if (held.isEmpty() && m.type() == MessageType.RENEW) {
                // §18.3.4: a Renew for a binding the server does not have
                out.add(new IaNa(na.iaid(), 0, 0, Options.of(StatusCode.of(StatusCode.NO_BINDING, "no binding for this IA"))));
                continue;
            }
            Instant validUntil = now.plusSeconds(longestValid(view, now));
            if (held.isEmpty()) {
                Optional<MacAddress> shared = bindings.wasTakenOver(key);
                if (shared.isPresent()) {
                    bindings.contest(shared.get());
                    notes.add("MAC " + shared.get() + " is claimed by two live clients: its address stays with the other, this one gets one by DUID");
                }
            }
            Optional<LanLease> lease = held.isPresent() ? Optional.of(renewed(held.get(), validUntil, source)) : choose(id, na.iaid(), mac, source, validUntil, notes, events);
            if (lease.isEmpty() || !bindings.bind(lease.get())) {
                notes.add(lease.isEmpty() ? "no address left" : "the lease table is full (" + Bindings.MAX_BOUND + ")");
                out.add(noAddresses(na.iaid(), "no address left"));
                continue;
            }
            out.add(iaNa(na.iaid(), lease.get(), view, now));
            events.add(new LanLeaseEvent(held.isPresent() ? LanLeaseEvent.Kind.RENEWED : LanLeaseEvent.Kind.BOUND, lease.get()));
        }
        List<DelegationEvent> delegated = new ArrayList<>();
        for (IaPd pd : m.options().all(IaPd.class)) out.add(relayed ? notThroughRelays(pd) : bindPrefixes(m.type(), pd, id, source, view, now, delegated, notes));
        out.addAll(information(m, view, mac));
        fqdn(m, id, mac).ifPresent(out::add);
        return new Answer(Optional.of(new ClientServerMessage(MessageType.REPLY, m.transactionId(), Options.of(out))), events, delegated,
                m.type().rfcName().toLowerCase() + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")"));
    }

    /** An IA_PD in a Solicit: what a Request would get now; nothing is bound. */
    private IaPd offerPrefixes(IaPd pd, Duid id, LanView view, Instant now, List<String> notes) {
        if (settings.delegate().isEmpty()) return noPrefixes(pd.iaid(), "no prefixes are delegated on this LAN");
        int length = settings.delegate().getAsInt();
        String key = LanLease.key(id, pd.iaid());
        Optional<Long> index = delegations.bound(key).map(Delegation::index).or(() -> chooseIndex(key, pd, length, view, now));
        if (index.isEmpty()) return noPrefixes(pd.iaid(), noFreeReason(length, view, now, notes));
        List<IaPrefix> given = prefixes(index.get(), length, view, now);
        return given.isEmpty() ? noPrefixes(pd.iaid(), noFreeReason(length, view, now, notes)) : iaPd(pd.iaid(), given, List.of());
    }

    /**
     * An IA_PD in a Request, Renew or Rebind: bound (again) with the sub-prefix of every delegated
     * prefix there is now; what the router had and no longer gets (its delegated prefix went) is
     * given with lifetimes 0 (RFC 8415 §18.3.4), and its route goes.
     */
    private IaPd bindPrefixes(MessageType type, IaPd pd, Duid id, Inet6Address source, LanView view, Instant now, List<DelegationEvent> events, List<String> notes) {
        String key = LanLease.key(id, pd.iaid());
        Optional<Delegation> held = delegations.bound(key);
        if (held.isEmpty() && type == MessageType.RENEW)
            return new IaPd(pd.iaid(), 0, 0, Options.of(StatusCode.of(StatusCode.NO_BINDING, "no binding for this IA")));
        if (settings.delegate().isEmpty()) {
            if (held.isPresent()) { // delegation turned off: what it had runs out now
                delegations.remove(key);
                events.add(new DelegationEvent(LanLeaseEvent.Kind.EXPIRED, held.get(), held));
                return iaPd(pd.iaid(), List.of(), held.get().given());
            }
            return noPrefixes(pd.iaid(), "no prefixes are delegated on this LAN");
        }
        int length = settings.delegate().getAsInt();
        Optional<Long> index = held.filter(h -> h.length() == length).map(Delegation::index).or(() -> chooseIndex(key, pd, length, view, now));
        List<Prefix> before = held.map(Delegation::given).orElse(List.of());
        if (index.isEmpty()) {
            if (held.isPresent()) {
                delegations.remove(key);
                events.add(new DelegationEvent(LanLeaseEvent.Kind.EXPIRED, held.get(), held));
            }
            return before.isEmpty() ? noPrefixes(pd.iaid(), noFreeReason(length, view, now, notes)) : iaPd(pd.iaid(), List.of(), before);
        }
        List<IaPrefix> given = prefixes(index.get(), length, view, now);
        List<Prefix> current = new ArrayList<>();
        long longestValid = 0;
        for (IaPrefix p : given) {
            current.add(new Prefix(p.prefix(), p.prefixLength()));
            longestValid = Math.max(longestValid, p.validLifetime());
        }
        if (current.isEmpty()) {
            if (held.isPresent()) { // every prefix it had is gone: so is the delegation
                delegations.remove(key);
                events.add(new DelegationEvent(LanLeaseEvent.Kind.EXPIRED, held.get(), held));
                return iaPd(pd.iaid(), List.of(), before);
            }
            return noPrefixes(pd.iaid(), noFreeReason(length, view, now, notes));
        }
        Delegation next = new Delegation(id, pd.iaid(), index.get(), length, source, now.plusSeconds(longestValid), current);
        if (!delegations.bind(next)) {
            notes.add("the delegation table is full (" + Delegations.MAX_DELEGATED + ")");
            return noPrefixes(pd.iaid(), "no prefix left");
        }
        if (held.isPresent() && !held.get().via().equals(source)) notes.add("router " + id.bytes().hex() + " moved to " + source.getHostAddress());
        events.add(new DelegationEvent(held.isPresent() ? LanLeaseEvent.Kind.RENEWED : LanLeaseEvent.Kind.BOUND, next, held));
        List<Prefix> gone = new ArrayList<>(before);
        gone.removeAll(current);
        return iaPd(pd.iaid(), given, gone);
    }

    /** The client's former number, else the number of its hint, else the lowest free one; each only if free in every pool. */
    private Optional<Long> chooseIndex(String key, IaPd pd, int length, LanView view, Instant now) {
        List<Long> wanted = new ArrayList<>();
        delegations.formerIndex(key).ifPresent(wanted::add);
        for (IaPrefix hint : pd.prefixes()) {
            if (hint.prefixLength() != length) continue;
            Prefix p = new Prefix(hint.prefix(), length);
            for (LanView.Pool pool : view.pools()) if (pool.delegated().length() < length && pool.delegated().contains(p)) wanted.add(PrefixSpace.index(pool.delegated(), p));
        }
        for (long i : wanted) if (usable(i, key, length, view, now)) return Optional.of(i);
        long limit = MAX_PROBES; // a number must fit every live pool: the smallest one bounds the search
        for (LanView.Pool pool : view.pools())
            if (!pool.deprecated() && pool.validUntil().isAfter(now) && pool.delegated().length() < length) limit = Math.min(limit, PrefixSpace.count(pool.delegated(), length));
        for (long i = 0; i < limit; i++) if (usable(i, key, length, view, now)) return Optional.of(i);
        return Optional.empty();
    }

    /** Free in every live pool it fits in, and in at least one; not another router's here. */
    private boolean usable(long index, String key, int length, LanView view, Instant now) {
        if (delegations.taken(index, key)) return false;
        boolean any = false;
        for (LanView.Pool pool : view.pools()) {
            if (pool.deprecated() || !pool.validUntil().isAfter(now) || pool.delegated().length() >= length) continue;
            if (index >= PrefixSpace.count(pool.delegated(), length) || !PrefixSpace.free(PrefixSpace.subnet(pool.delegated(), length, index), pool.taken())) return false;
            any = true;
        }
        return any;
    }

    /** Sub-prefix {@code index} of every live pool where it is free, with the pool's lifetimes cut to the lease time. */
    private List<IaPrefix> prefixes(long index, int length, LanView view, Instant now) {
        List<IaPrefix> out = new ArrayList<>();
        for (LanView.Pool pool : view.pools()) {
            if (pool.deprecated()) continue; // its WAN prefix went: a router's sub-prefix of it is withdrawn, not run down
            if (pool.delegated().length() >= length || index >= PrefixSpace.count(pool.delegated(), length)) continue;
            Prefix p = PrefixSpace.subnet(pool.delegated(), length, index);
            if (!PrefixSpace.free(p, pool.taken())) continue;
            long valid = Math.min(settings.leaseTime().getSeconds(), seconds(now, pool.validUntil()));
            if (valid <= 0) continue;
            long preferred = pool.deprecated() ? 0 : Math.min(valid, seconds(now, pool.preferredUntil()));
            out.add(new IaPrefix(preferred, valid, length, p.network(), Options.NONE));
        }
        return out;
    }

    private static String noFreeReason(int length, LanView view, Instant now, List<String> notes) {
        boolean anyPool = false;
        for (LanView.Pool pool : view.pools()) {
            if (!pool.validUntil().isAfter(now)) continue;
            anyPool = true;
            if (pool.delegated().length() >= length) notes.add("delegate /" + length + " does not fit in " + pool.delegated());
        }
        if (!anyPool) return "no delegated prefix on this LAN yet";
        notes.add("no free /" + length + " to delegate");
        return "no free /" + length + " left";
    }

    /** T1 and T2 from the shortest preferred lifetime, as for addresses; {@code gone} with lifetimes 0. */
    private static IaPd iaPd(long iaid, List<IaPrefix> given, List<Prefix> gone) {
        List<Option> prefixes = new ArrayList<>(given);
        long shortestPreferred = Long.MAX_VALUE;
        for (IaPrefix p : given) if (p.preferredLifetime() > 0) shortestPreferred = Math.min(shortestPreferred, p.preferredLifetime());
        if (shortestPreferred == Long.MAX_VALUE) shortestPreferred = 0;
        for (Prefix p : gone) prefixes.add(new IaPrefix(0, 0, p.length(), p.network(), Options.NONE));
        return new IaPd(iaid, shortestPreferred / 2, shortestPreferred * 4 / 5, Options.of(prefixes));
    }

    private Answer release(ClientServerMessage m, Duid id) {
        List<LanLeaseEvent> events = new ArrayList<>();
        List<DelegationEvent> delegated = new ArrayList<>();
        List<Option> out = new ArrayList<>(header(id));
        for (IaNa na : m.options().all(IaNa.class)) {
            Optional<LanLease> gone = bindings.remove(LanLease.key(id, na.iaid()));
            if (gone.isPresent()) events.add(new LanLeaseEvent(LanLeaseEvent.Kind.RELEASED, gone.get()));
            else out.add(new IaNa(na.iaid(), 0, 0, Options.of(StatusCode.of(StatusCode.NO_BINDING, "no binding for this IA"))));
        }
        for (IaPd pd : m.options().all(IaPd.class)) {
            Optional<Delegation> gone = delegations.remove(LanLease.key(id, pd.iaid()));
            if (gone.isPresent()) delegated.add(new DelegationEvent(LanLeaseEvent.Kind.RELEASED, gone.get(), gone));
            else out.add(new IaPd(pd.iaid(), 0, 0, Options.of(StatusCode.of(StatusCode.NO_BINDING, "no binding for this IA"))));
        }
        out.add(StatusCode.of(StatusCode.SUCCESS, "released"));
        return new Answer(Optional.of(new ClientServerMessage(MessageType.REPLY, m.transactionId(), Options.of(out))), events, delegated, "release");
    }

    /** §18.3.8: the addresses another node uses are never given again; the client solicits for others. */
    private Answer decline(ClientServerMessage m, Duid id) {
        List<LanLeaseEvent> events = new ArrayList<>();
        for (IaNa na : m.options().all(IaNa.class)) {
            Optional<LanLease> gone = bindings.remove(LanLease.key(id, na.iaid()));
            if (gone.isEmpty()) continue;
            bindings.decline(gone.get().interfaceId());
            events.add(new LanLeaseEvent(LanLeaseEvent.Kind.DECLINED, gone.get()));
        }
        List<Option> out = new ArrayList<>(header(id));
        out.add(StatusCode.of(StatusCode.SUCCESS, "declined"));
        return new Answer(Optional.of(new ClientServerMessage(MessageType.REPLY, m.transactionId(), Options.of(out))), events, "decline");
    }

    /** §18.3.3: are the client's addresses on this link? */
    private Answer confirm(ClientServerMessage m, Duid id, LanView view) {
        boolean any = false;
        boolean onLink = true;
        for (IaNa na : m.options().all(IaNa.class))
            for (IaAddress a : na.addresses()) {
                any = true;
                boolean inside = false;
                for (LanView.Subnet s : view.subnets()) inside |= s.prefix().contains(new Prefix(a.address(), 128));
                onLink &= inside;
            }
        if (!any) return Answer.drop("a Confirm without addresses (RFC 8415 §18.3.3)");
        List<Option> out = new ArrayList<>(header(id));
        out.add(onLink ? StatusCode.of(StatusCode.SUCCESS, "on link") : StatusCode.of(StatusCode.NOT_ON_LINK, "not on this link"));
        return new Answer(Optional.of(new ClientServerMessage(MessageType.REPLY, m.transactionId(), Options.of(out))), List.of(),
                onLink ? "confirm: on link" : "confirm: not on link");
    }

    private ClientServerMessage informationReply(ClientServerMessage m, Optional<Duid> client, LanView view, Optional<MacAddress> mac) {
        List<Option> out = new ArrayList<>();
        out.add(new ServerId(settings.serverDuid()));
        client.ifPresent(c -> out.add(new ClientId(c)));
        out.addAll(information(m, view, client.flatMap(MacAddress::fromDuid).or(() -> mac)));
        out.add(new InformationRefreshTime(Math.max(600, settings.leaseTime().getSeconds())));
        return new ClientServerMessage(MessageType.REPLY, m.transactionId(), Options.of(out));
    }

    /**
     * The interface identifier for a new binding: a reservation, else by MAC when that is the
     * scheme and the client has one that no other client holds, else by DUID.
     */
    /** @param events where a take-over's end of the former binding goes; null for an offer, which changes no binding */
    private Optional<LanLease> choose(Duid id, long iaid, Optional<MacAddress> mac, Inet6Address source, Instant validUntil, List<String> notes, List<LanLeaseEvent> events) {
        String key = LanLease.key(id, iaid);
        // What was advertised, unless its identifier is another binding's (an offer never takes one: a take-over happens here)
        Optional<LanLease> offered = bindings.offered(key);
        if (offered.isPresent() && bindings.holder(offered.get().interfaceId()).filter(h -> !h.key().equals(key)).isEmpty())
            return Optional.of(renewed(offered.get(), validUntil, source));
        Long reserved = settings.reservations().get(id.bytes().hex());
        if (reserved == null && mac.isPresent()) reserved = settings.reservations().get(mac.get().text());
        if (reserved != null && !bindings.taken(reserved, key)) return Optional.of(new LanLease(id, iaid, reserved, LanLease.How.RESERVED, mac, validUntil, Optional.of(source)));
        if (settings.assign() == ServerSettings.Assign.BY_MAC) {
            String unusable = mac.map(InterfaceIds::unusableMac).orElse(null);
            if (mac.isEmpty()) {
                notes.add("no MAC in the DUID nor an EUI-64 link-local source: an address by DUID");
            } else if (unusable != null) {
                notes.add("MAC " + mac.get() + " is " + unusable + ": an address by DUID");
            } else {
                long iid = InterfaceIds.byMac(mac.get());
                Optional<LanLease> holder = bindings.holder(iid);
                boolean free = !bindings.declined(iid) && (holder.isEmpty() || holder.get().key().equals(key));
                // The same MAC under a new DUID from the address the holder spoke from is the same
                // device after a wipe: it takes its address back (when the former client comes back
                // too, the MAC is contested from then on). From another address it is a second client.
                boolean sameDevice = holder.isPresent() && holder.get().from().map(source::equals).orElse(true);
                if (!free && sameDevice && !bindings.declined(iid) && holder.get().mac().equals(mac) && !bindings.contested(mac.get())) {
                    if (events != null) {
                        if (bindings.takeOver(holder.get())) events.add(new LanLeaseEvent(LanLeaseEvent.Kind.EXPIRED, holder.get()));
                        notes.add("MAC " + mac.get() + " came back with a new DUID: it takes its address back from DUID " + holder.get().client().bytes().hex());
                    }
                    free = true;
                }
                if (free) return Optional.of(new LanLease(id, iaid, iid, LanLease.How.BY_MAC, mac, validUntil, Optional.of(source)));
                notes.add("MAC " + mac.get() + (bindings.declined(iid) ? "'s address was declined"
                        : " is another client's" + holder.flatMap(LanLease::from).filter(at -> !sameDevice)
                                .map(at -> ", which spoke from " + Ipv6Text.format(at) + ", this one from " + Ipv6Text.format(source)).orElse(""))
                        + ": an address by DUID");
            }
        }
        for (int attempt = 0; attempt < 16; attempt++) {
            long iid = InterfaceIds.byDuid(id, iaid, attempt);
            if (!bindings.taken(iid, key)) return Optional.of(new LanLease(id, iaid, iid, LanLease.How.BY_DUID, mac, validUntil, Optional.of(source)));
        }
        return Optional.empty();
    }

    private static LanLease renewed(LanLease l, Instant validUntil, Inet6Address from) {
        return new LanLease(l.client(), l.iaid(), l.interfaceId(), l.how(), l.mac(), validUntil, Optional.of(from));
    }

    /** One address per subnet; lifetimes the lease time's, cut to the subnet's; a deprecated subnet's preferred for 0 s. */
    private IaNa iaNa(long iaid, LanLease lease, LanView view, Instant now) {
        List<Option> addresses = new ArrayList<>();
        long shortestPreferred = Long.MAX_VALUE;
        for (LanView.Subnet s : view.subnets()) {
            long valid = Math.min(settings.leaseTime().getSeconds(), seconds(now, s.validUntil()));
            if (valid <= 0) continue;
            long preferred = s.deprecated() ? 0 : Math.min(valid, seconds(now, s.preferredUntil()));
            addresses.add(new IaAddress(LanLease.address(s, lease.interfaceId()), preferred, valid, Options.NONE));
            if (preferred > 0) shortestPreferred = Math.min(shortestPreferred, preferred);
        }
        if (shortestPreferred == Long.MAX_VALUE) shortestPreferred = 0;
        // §21.4: T1 0.5 and T2 0.8 of the shortest preferred lifetime (0: the client chooses)
        return new IaNa(iaid, shortestPreferred / 2, shortestPreferred * 4 / 5, Options.of(addresses));
    }

    /** The binding lasts as long as its longest-lived address: the lease time, or less when every subnet ends sooner. */
    private long longestValid(LanView view, Instant now) {
        long longest = 0;
        for (LanView.Subnet s : view.subnets()) longest = Math.max(longest, Math.min(settings.leaseTime().getSeconds(), seconds(now, s.validUntil())));
        return longest;
    }

    private static long seconds(Instant now, Instant until) {
        return Math.max(0, Math.min(0xffffffffL - 1, Duration.between(now, until).getSeconds()));
    }

    private List<Option> header(Duid client) {
        return List.of(new ServerId(settings.serverDuid()), new ClientId(client));
    }

    private static IaNa noAddresses(long iaid, String why) {
        return new IaNa(iaid, 0, 0, Options.of(StatusCode.of(StatusCode.NO_ADDRS_AVAIL, why)));
    }

    /** A delegation's route goes via the router's link-local address on the LAN, which a relayed router is not. */
    private static IaPd notThroughRelays(IaPd pd) {
        return noPrefixes(pd.iaid(), "prefixes are delegated to routers on the LAN's own link, not through a relay");
    }

    private static IaPd noPrefixes(long iaid, String why) {
        return new IaPd(iaid, 0, 0, Options.of(StatusCode.of(StatusCode.NO_PREFIX_AVAIL, why)));
    }

    /**
     * RFC 4704: the name reserved for the client, to a client that sent a Client FQDN option; N set
     * (this server updates no DNS: the LAN hooks get the name), O set when the client asked the
     * server to update its AAAA record. A single label goes as a partial name.
     */
    private Optional<ClientFqdn> fqdn(ClientServerMessage m, Duid id, Optional<MacAddress> mac) {
        Optional<ClientFqdn> asked = m.options().get(ClientFqdn.class);
        if (asked.isEmpty()) return Optional.empty();
        return settings.nameOf(id, mac).map(name -> new ClientFqdn(ClientFqdn.FLAG_N | ((asked.get().flags() & ClientFqdn.FLAG_S) != 0 ? ClientFqdn.FLAG_O : 0),
                new DomainName(List.of(name.split("\\.")), name.contains("."))));
    }

    /** The LAN's DNS servers and search list (always), and the boot file URL when asked for and configured. */
    private List<Option> information(ClientServerMessage m, LanView view, Optional<MacAddress> mac) {
        List<Option> out = new ArrayList<>();
        List<Integer> asked = m.options().get(OptionRequest.class).map(OptionRequest::codes).orElse(List.of());
        if (!view.dnsServers().isEmpty()) out.add(new DnsServers(view.dnsServers()));
        if (!view.domains().isEmpty()) {
            List<ReceivedName> names = new ArrayList<>();
            for (String d : view.domains()) names.add(DomainName.of(d));
            out.add(new DomainList(names));
        }
        if (asked.contains(BOOTFILE_URL) && settings.bootUrl().isPresent() && mac.isPresent())
            out.add(new RawOption(BOOTFILE_URL, Bytes.of(settings.bootUrl().get().replace("{mac}", mac.get().text()).getBytes(StandardCharsets.US_ASCII))));
        return out;
    }
}
