package org.prefixd.dhcp6.server;

import java.net.Inet6Address;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.prefixd.api.Prefix;
import org.prefixd.dhcp6.codec.Bytes;
import org.prefixd.dhcp6.codec.ClientId;
import org.prefixd.dhcp6.codec.ClientServerMessage;
import org.prefixd.dhcp6.codec.DnsServers;
import org.prefixd.dhcp6.codec.DomainList;
import org.prefixd.dhcp6.codec.DomainName;
import org.prefixd.dhcp6.codec.Duid;
import org.prefixd.dhcp6.codec.IaAddress;
import org.prefixd.dhcp6.codec.IaNa;
import org.prefixd.dhcp6.codec.IaPd;
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
 * Addresses are IA_NA only, one per LAN subnet, all with the same interface identifier
 * ({@link InterfaceIds}); lifetimes never beyond the subnet's. IA_PD is answered NoPrefixAvail.
 */
public final class LanServer {
    /** Option 59, RFC 5970. */
    static final int BOOTFILE_URL = 59;

    /** What to do: send {@code reply} (if any) to the client, then act on {@code events}. */
    public record Answer(Optional<ClientServerMessage> reply, List<LanLeaseEvent> events, String note) {
        public Answer {
            Objects.requireNonNull(reply, "reply");
            events = List.copyOf(events);
            Objects.requireNonNull(note, "note");
        }

        static Answer drop(String why) {
            return new Answer(Optional.empty(), List.of(), "dropped: " + why);
        }
    }

    private final ServerSettings settings;
    private final Bindings bindings;

    public LanServer(ServerSettings settings, Bindings bindings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.bindings = Objects.requireNonNull(bindings, "bindings");
    }

    public Bindings bindings() {
        return bindings;
    }

    public ServerSettings settings() {
        return settings;
    }

    /**
     * @param source the client's source address (its link-local: an EUI-64 one says its MAC)
     */
    public Answer answer(ClientServerMessage m, Inet6Address source, LanView view, Instant now) {
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
                return new Answer(Optional.of(informationReply(m, client, view, MacAddress.fromEui64LinkLocal(source))), List.of(), "information");
            default:
                return Answer.drop("a " + m.type().rfcName() + ", which servers do not answer");
        }
        Duid id = client.get();
        Optional<MacAddress> mac = MacAddress.fromDuid(id).or(() -> MacAddress.fromEui64LinkLocal(source));
        return switch (m.type()) {
            case SOLICIT -> solicit(m, id, mac, view, now);
            case REQUEST, RENEW, REBIND -> bind(m, id, mac, view, now);
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

    private Answer solicit(ClientServerMessage m, Duid id, Optional<MacAddress> mac, LanView view, Instant now) {
        boolean rapid = settings.rapidCommit() && m.options().get(RapidCommit.class).isPresent() && settings.mode() == ServerSettings.Mode.STATEFUL;
        if (rapid) {
            Answer bound = bind(m, id, mac, view, now);
            if (bound.reply().isEmpty()) return bound;
            ClientServerMessage r = bound.reply().get();
            return new Answer(Optional.of(new ClientServerMessage(MessageType.REPLY, r.transactionId(), r.options().with(new RapidCommit()))),
                    bound.events(), bound.note() + " (rapid commit)");
        }
        List<Option> out = new ArrayList<>(header(id));
        List<String> notes = new ArrayList<>();
        for (IaNa na : m.options().all(IaNa.class)) {
            if (settings.mode() != ServerSettings.Mode.STATEFUL || view.subnets().isEmpty()) {
                out.add(noAddresses(na.iaid(), settings.mode() != ServerSettings.Mode.STATEFUL ? "addresses come from SLAAC on this LAN" : "no subnet on this LAN yet"));
                continue;
            }
            Optional<LanLease> lease = choose(id, na.iaid(), mac, now.plus(Duration.ofSeconds(120)), notes, null);
            if (lease.isEmpty()) {
                out.add(noAddresses(na.iaid(), "no address left"));
                continue;
            }
            bindings.offer(lease.get());
            out.add(iaNa(na.iaid(), lease.get(), view, now));
        }
        for (IaPd pd : m.options().all(IaPd.class)) out.add(noPrefixes(pd.iaid()));
        out.addAll(information(m, view, mac));
        return new Answer(Optional.of(new ClientServerMessage(MessageType.ADVERTISE, m.transactionId(), Options.of(out))), List.of(),
                "advertise" + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")"));
    }

    /** Request, Renew, Rebind, and Solicit with rapid commit: the IA_NAs bound (or bound again) for the lease time. */
    private Answer bind(ClientServerMessage m, Duid id, Optional<MacAddress> mac, LanView view, Instant now) {
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
            Instant validUntil = now.plus(settings.leaseTime());
            if (held.isEmpty()) {
                Optional<MacAddress> shared = bindings.wasTakenOver(key);
                if (shared.isPresent()) {
                    bindings.contest(shared.get());
                    notes.add("MAC " + shared.get() + " is claimed by two live clients: its address stays with the other, this one gets one by DUID");
                }
            }
            Optional<LanLease> lease = held.isPresent() ? Optional.of(withValidUntil(held.get(), validUntil)) : choose(id, na.iaid(), mac, validUntil, notes, events);
            if (lease.isEmpty() || !bindings.bind(lease.get())) {
                notes.add(lease.isEmpty() ? "no address left" : "the lease table is full (" + Bindings.MAX_BOUND + ")");
                out.add(noAddresses(na.iaid(), "no address left"));
                continue;
            }
            out.add(iaNa(na.iaid(), lease.get(), view, now));
            events.add(new LanLeaseEvent(held.isPresent() ? LanLeaseEvent.Kind.RENEWED : LanLeaseEvent.Kind.BOUND, lease.get()));
        }
        for (IaPd pd : m.options().all(IaPd.class)) out.add(noPrefixes(pd.iaid()));
        out.addAll(information(m, view, mac));
        return new Answer(Optional.of(new ClientServerMessage(MessageType.REPLY, m.transactionId(), Options.of(out))), events,
                m.type().rfcName().toLowerCase() + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")"));
    }

    private Answer release(ClientServerMessage m, Duid id) {
        List<LanLeaseEvent> events = new ArrayList<>();
        List<Option> out = new ArrayList<>(header(id));
        for (IaNa na : m.options().all(IaNa.class)) {
            Optional<LanLease> gone = bindings.remove(LanLease.key(id, na.iaid()));
            if (gone.isPresent()) events.add(new LanLeaseEvent(LanLeaseEvent.Kind.RELEASED, gone.get()));
            else out.add(new IaNa(na.iaid(), 0, 0, Options.of(StatusCode.of(StatusCode.NO_BINDING, "no binding for this IA"))));
        }
        out.add(StatusCode.of(StatusCode.SUCCESS, "released"));
        return new Answer(Optional.of(new ClientServerMessage(MessageType.REPLY, m.transactionId(), Options.of(out))), events, "release");
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
    private Optional<LanLease> choose(Duid id, long iaid, Optional<MacAddress> mac, Instant validUntil, List<String> notes, List<LanLeaseEvent> events) {
        String key = LanLease.key(id, iaid);
        // What was advertised, unless its identifier is another binding's (an offer never takes one: a take-over happens here)
        Optional<LanLease> offered = bindings.offered(key);
        if (offered.isPresent() && bindings.holder(offered.get().interfaceId()).filter(h -> !h.key().equals(key)).isEmpty())
            return Optional.of(withValidUntil(offered.get(), validUntil));
        Long reserved = settings.reservations().get(id.bytes().hex());
        if (reserved == null && mac.isPresent()) reserved = settings.reservations().get(mac.get().text());
        if (reserved != null && !bindings.taken(reserved, key)) return Optional.of(new LanLease(id, iaid, reserved, LanLease.How.RESERVED, mac, validUntil));
        if (settings.assign() == ServerSettings.Assign.BY_MAC) {
            if (mac.isEmpty()) {
                notes.add("no MAC in the DUID nor an EUI-64 link-local source: an address by DUID");
            } else {
                long iid = InterfaceIds.byMac(mac.get());
                Optional<LanLease> holder = bindings.holder(iid);
                boolean free = !bindings.declined(iid) && (holder.isEmpty() || holder.get().key().equals(key));
                // The same MAC under a new DUID is the same device after a wipe: it takes its address
                // back (when the former client comes back too, the MAC is contested from then on).
                if (!free && !bindings.declined(iid) && holder.get().mac().equals(mac) && !bindings.contested(mac.get())) {
                    if (events != null) {
                        if (bindings.takeOver(holder.get())) events.add(new LanLeaseEvent(LanLeaseEvent.Kind.EXPIRED, holder.get()));
                        notes.add("MAC " + mac.get() + " came back with a new DUID: it takes its address back from DUID " + holder.get().client().bytes().hex());
                    }
                    free = true;
                }
                if (free) return Optional.of(new LanLease(id, iaid, iid, LanLease.How.BY_MAC, mac, validUntil));
                notes.add("MAC " + mac.get() + (bindings.declined(iid) ? "'s address was declined" : " is another client's") + ": an address by DUID");
            }
        }
        for (int attempt = 0; attempt < 16; attempt++) {
            long iid = InterfaceIds.byDuid(id, iaid, attempt);
            if (!bindings.taken(iid, key)) return Optional.of(new LanLease(id, iaid, iid, LanLease.How.BY_DUID, mac, validUntil));
        }
        return Optional.empty();
    }

    private static LanLease withValidUntil(LanLease l, Instant validUntil) {
        return new LanLease(l.client(), l.iaid(), l.interfaceId(), l.how(), l.mac(), validUntil);
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

    private static long seconds(Instant now, Instant until) {
        return Math.max(0, Math.min(0xffffffffL - 1, Duration.between(now, until).getSeconds()));
    }

    private List<Option> header(Duid client) {
        return List.of(new ServerId(settings.serverDuid()), new ClientId(client));
    }

    private static IaNa noAddresses(long iaid, String why) {
        return new IaNa(iaid, 0, 0, Options.of(StatusCode.of(StatusCode.NO_ADDRS_AVAIL, why)));
    }

    private static IaPd noPrefixes(long iaid) {
        return new IaPd(iaid, 0, 0, Options.of(StatusCode.of(StatusCode.NO_PREFIX_AVAIL, "no prefixes are delegated on this LAN")));
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
