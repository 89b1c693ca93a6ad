package org.prefixd.web;

import java.io.StringWriter;
import java.net.Inet6Address;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

import org.prefixd.api.DelegatedPrefix;
import org.prefixd.api.Ipv6Text;
import org.prefixd.api.LanClient;
import org.prefixd.api.LanPrefix;
import org.prefixd.api.LinkStatus;
import org.prefixd.api.ReceivedOption;
import org.prefixd.api.SessionStatus;
import org.prefixd.api.Topics;
import org.prefixd.api.WanLease;
import org.prefixd.api.WanLease4;

/**
 * The JSON of the event stream and the state snapshot (format in the README, "Event stream").
 * Only typed, known properties are rendered; times are ISO-8601 UTC.
 */
public final class Json {
    static final JsonProvider PROVIDER = new org.eclipse.parsson.JsonProviderImpl();

    private Json() {
    }

    /** One event as the stream sends it. */
    public static String event(long id, Instant time, String topic, Map<String, ?> props) {
        JsonObjectBuilder b = PROVIDER.createObjectBuilder().add("id", id).add("time", time.toString()).add("topic", topic);
        for (String name : List.of(Topics.PROP_REASON, Topics.PROP_LOCAL, Topics.PROP_PEER, Topics.PROP_SCRIPT, Topics.PROP_MAC, Topics.PROP_DUID, Topics.PROP_ADDRESSES, Topics.PROP_PREFIXES, Topics.PROP_HOSTNAME))
            if (props.get(name) instanceof String s) b.add(name, s);
        if (props.get(Topics.PROP_INTERFACE) instanceof String s) b.add("link", s);
        if (props.get(Topics.PROP_EXIT) instanceof Integer exit) b.add("exit", exit);
        if (props.get(Topics.PROP_MILLIS) instanceof Long millis) b.add("millis", millis);
        if (props.get(Topics.PROP_LEASE) instanceof WanLease lease) b.add("lease", lease(lease));
        if (props.get(Topics.PROP_LEASE4) instanceof WanLease4 lease4) b.add("lease4", lease4(lease4));
        return text(b.build());
    }

    /** The IPv4 lease of DHCPv4 over DHCPv6. */
    public static JsonObject lease4(WanLease4 lease) {
        JsonObjectBuilder b = PROVIDER.createObjectBuilder().add("link", lease.link().value()).add("address", lease.cidr())
                .add("server", lease.server().getHostAddress()).add("routers", strings(lease.routers().stream().map(java.net.Inet4Address::getHostAddress).toList()))
                .add("dns", strings(lease.dnsServers().stream().map(java.net.Inet4Address::getHostAddress).toList()))
                .add("renewAt", lease.renewAt().toString()).add("rebindAt", lease.rebindAt().toString()).add("validUntil", lease.validUntil().toString());
        if (!lease.options().isEmpty()) b.add("options", options(lease.options()));
        return b.build();
    }

    public static JsonObject lease(WanLease lease) {
        JsonArrayBuilder addresses = PROVIDER.createArrayBuilder();
        for (WanLease.Address a : lease.addresses())
            addresses.add(PROVIDER.createObjectBuilder().add("address", Ipv6Text.format(a.address()))
                    .add("preferredUntil", a.preferredUntil().toString()).add("validUntil", a.validUntil().toString()));
        JsonArrayBuilder prefixes = PROVIDER.createArrayBuilder();
        for (DelegatedPrefix p : lease.prefixes()) {
            JsonObjectBuilder o = PROVIDER.createObjectBuilder().add("prefix", p.prefix().toString()).add("iaid", p.iaid())
                    .add("preferredUntil", p.preferredUntil().toString()).add("validUntil", p.validUntil().toString());
            if (p.excluded().isPresent()) o.add("excluded", p.excluded().get().toString()); // RFC 6603
            prefixes.add(o);
        }
        JsonObjectBuilder b = PROVIDER.createObjectBuilder().add("link", lease.link().value()).add("server", lease.server())
                .add("addresses", addresses).add("prefixes", prefixes)
                .add("dns", addresses(lease.dnsServers())).add("domains", strings(lease.domains()))
                .add("ntp", addresses(lease.ntpServers())).add("ntpNames", strings(lease.ntpNames()))
                .add("sntp", addresses(lease.sntpServers())).add("sip", addresses(lease.sipServers()))
                .add("sipDomains", strings(lease.sipDomains()));
        lease.aftr().ifPresent(a -> b.add("aftr", a));
        if (!lease.options().isEmpty()) b.add("options", options(lease.options()));
        return b.build();
    }

    /** The owner's received options: [{"code":65001,"hex":"0102"}], in the server's order. */
    public static JsonArrayBuilder options(List<ReceivedOption> options) {
        JsonArrayBuilder a = PROVIDER.createArrayBuilder();
        for (ReceivedOption o : options) a.add(PROVIDER.createObjectBuilder().add("code", o.code()).add("hex", o.hex()));
        return a;
    }

    /** Everything the page shows, of one link (its LANs' subnets included) or of all; {@code recentEvents} oldest first. */
    public static String state(Instant now, Optional<String> link, List<LinkStatus> links, List<SessionStatus> sessions, List<WanLease> leases,
                               List<LanPrefix> lans, Optional<String> radvd, List<String> recentEvents, long lastEventId, int clients) {
        return state(now, link, links, sessions, leases, lans, List.of(), radvd, recentEvents, lastEventId, clients);
    }

    /** @param lanClients the LAN DHCPv6 servers' clients (they belong to no WAN link: shown whatever the link) */
    public static String state(Instant now, Optional<String> link, List<LinkStatus> links, List<SessionStatus> sessions, List<WanLease> leases,
                               List<LanPrefix> lans, List<LanClient> lanClients, Optional<String> radvd, List<String> recentEvents, long lastEventId, int clients) {
        JsonArrayBuilder l = PROVIDER.createArrayBuilder();
        for (LinkStatus s : links) {
            if (!wanted(link, s.name().value())) continue;
            l.add(PROVIDER.createObjectBuilder().add("link", s.name().value()).add("mode", s.mode().name().toLowerCase())
                    .add("state", s.state().name()).add("since", s.since().toString()).add("reason", s.reason()));
        }
        JsonArrayBuilder ss = PROVIDER.createArrayBuilder();
        for (SessionStatus s : sessions) {
            if (!wanted(link, s.link().value())) continue;
            JsonObjectBuilder b = PROVIDER.createObjectBuilder().add("link", s.link().value()).add("state", s.state())
                    .add("addresses", leased(s.addresses())).add("prefixes", leased(s.prefixes()));
            s.server().ifPresent(v -> b.add("server", v));
            s.nextEvent().ifPresent(v -> b.add("nextEvent", v.toString()));
            s.ipv4().ifPresent(v4 -> {
                JsonObjectBuilder ipv4 = PROVIDER.createObjectBuilder().add("state", v4.state());
                v4.lease().ifPresent(held -> ipv4.add("lease", lease4(held)));
                v4.nextEvent().ifPresent(v -> ipv4.add("nextEvent", v.toString()));
                b.add("ipv4", ipv4);
            });
            ss.add(b);
        }
        JsonArrayBuilder ls = PROVIDER.createArrayBuilder();
        for (WanLease w : leases) if (wanted(link, w.link().value())) ls.add(lease(w));
        JsonArrayBuilder lanArray = PROVIDER.createArrayBuilder();
        for (LanPrefix p : lans) {
            if (!wanted(link, p.from().link().value())) continue;
            lanArray.add(PROVIDER.createObjectBuilder().add("lan", p.lan().value()).add("subnet", p.subnet().toString())
                    .add("from", p.from().prefix().toString()).add("wan", p.from().link().value())
                    .add("preferredUntil", p.preferredUntil().toString()).add("validUntil", p.validUntil().toString()).add("deprecated", p.deprecated()));
        }
        JsonArrayBuilder clientArray = PROVIDER.createArrayBuilder();
        List<LanClient> sorted = new java.util.ArrayList<>(lanClients);
        sorted.sort(java.util.Comparator.comparing((LanClient c) -> c.lan().value()).thenComparing(LanClient::duid));
        for (LanClient c : sorted) {
            JsonArrayBuilder addresses = PROVIDER.createArrayBuilder();
            for (var a : c.addresses()) addresses.add(Ipv6Text.format(a));
            JsonArrayBuilder prefixes = PROVIDER.createArrayBuilder();
            for (var p : c.prefixes()) prefixes.add(p.toString());
            JsonObjectBuilder o = PROVIDER.createObjectBuilder().add("lan", c.lan().value()).add("duid", c.duid()).add("iaid", c.iaid())
                    .add("addresses", addresses).add("prefixes", prefixes).add("validUntil", c.validUntil().toString()).add("how", c.how());
            c.mac().ifPresent(m -> o.add("mac", m));
            clientArray.add(o);
        }
        JsonObjectBuilder b = PROVIDER.createObjectBuilder().add("time", now.toString()).add("lastEventId", lastEventId)
                .add("links", l).add("sessions", ss).add("leases", ls).add("lans", lanArray).add("lanClients", clientArray).add("streamClients", clients);
        radvd.ifPresentOrElse(r -> b.add("radvd", parse(r)), () -> b.addNull("radvd"));
        JsonArrayBuilder recent = PROVIDER.createArrayBuilder();
        for (String e : recentEvents) recent.add(parse(e));
        b.add("events", recent);
        return text(b.build());
    }

    private static JsonObject parse(String json) {
        return PROVIDER.createReader(new java.io.StringReader(json)).readObject();
    }

    private static boolean wanted(Optional<String> link, String name) {
        return link.isEmpty() || link.get().equals(name);
    }

    private static JsonArrayBuilder leased(List<SessionStatus.Leased> items) {
        JsonArrayBuilder a = PROVIDER.createArrayBuilder();
        for (SessionStatus.Leased i : items) {
            JsonObjectBuilder o = PROVIDER.createObjectBuilder().add("value", i.value()).add("preferredUntil", i.preferredUntil().toString())
                    .add("validUntil", i.validUntil().toString());
            if (i.excluded().isPresent()) o.add("excluded", i.excluded().get());
            a.add(o);
        }
        return a;
    }

    private static JsonArrayBuilder addresses(List<Inet6Address> list) {
        return strings(list.stream().map(Ipv6Text::format).toList());
    }

    private static JsonArrayBuilder strings(List<String> list) {
        JsonArrayBuilder a = PROVIDER.createArrayBuilder();
        list.forEach(a::add);
        return a;
    }

    static String text(JsonObject o) {
        StringWriter w = new StringWriter();
        try (var writer = PROVIDER.createWriter(w)) {
            writer.writeObject(o);
        }
        return w.toString();
    }
}
