package org.prefixd.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

import org.prefixd.api.Ipv6Text;
import org.prefixd.api.LanClient;
import org.prefixd.api.LanPrefix;
import org.prefixd.api.LinkStatus;
import org.prefixd.api.SessionStatus;
import org.prefixd.api.WanLease;
import org.prefixd.api.WanLease4;
import org.prefixd.documents.EventDocument;

/**
 * The JSON of the state snapshot (format in the README, "Event stream"); the events are
 * {@link EventDocument}s, as on the fleet's broker.
 * Only typed, known properties are rendered; times are ISO-8601 UTC.
 */
public final class Json {
    static final JsonProvider PROVIDER = new org.eclipse.parsson.JsonProviderImpl();

    private Json() {
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
                v4.lease().ifPresent(held -> ipv4.add("lease", EventDocument.lease4(held)));
                v4.nextEvent().ifPresent(v -> ipv4.add("nextEvent", v.toString()));
                b.add("ipv4", ipv4);
            });
            ss.add(b);
        }
        JsonArrayBuilder ls = PROVIDER.createArrayBuilder();
        for (WanLease w : leases) if (wanted(link, w.link().value())) ls.add(EventDocument.lease(w));
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
        return EventDocument.text(b.build());
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

}
