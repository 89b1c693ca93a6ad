package org.prefixd.documents;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

import org.prefixd.api.Ipv6Text;
import org.prefixd.api.LanClient;
import org.prefixd.api.LinkLocal;
import org.prefixd.api.LinkStatus;
import org.prefixd.api.PppdSession;
import org.prefixd.api.SessionStatus;
import org.prefixd.api.WanLink;

/**
 * What {@code prefixd status} prints, as JSON (for scripts and tests) and as text (for people).
 * Later issues add leases, prefixes and LANs beside the links.
 */
public final class StatusReport {
    // Parsson, embedded in this bundle: the jakarta.json lookup through ServiceLoader fails in OSGi.
    static final JsonProvider JSON = new org.eclipse.parsson.JsonProviderImpl();

    private final List<LinkStatus> links;
    private final List<SessionStatus> sessions;
    private final List<LanClient> lanClients;
    private final Instant now;

    public StatusReport(List<LinkStatus> links, List<SessionStatus> sessions, Instant now) {
        this(links, sessions, List.of(), now);
    }

    /** @param lanClients the LAN DHCPv6 servers' bound clients */
    public StatusReport(List<LinkStatus> links, List<SessionStatus> sessions, List<LanClient> lanClients, Instant now) {
        this.links = links.stream().sorted(Comparator.comparing(LinkStatus::name)).toList();
        this.sessions = sessions.stream().sorted(Comparator.comparing(SessionStatus::link)).toList();
        this.lanClients = lanClients.stream().sorted(Comparator.comparing((LanClient c) -> c.lan().value()).thenComparing(LanClient::duid)).toList();
        this.now = now;
    }

    /** The report of what the monitors know now: {@code prefixd status}, the fleet's state. */
    public static StatusReport of(List<org.prefixd.api.LinkMonitor> linkMonitors, List<org.prefixd.api.SessionMonitor> sessionMonitors,
                                  List<org.prefixd.api.LanClientMonitor> lanMonitors, Instant now) {
        List<LinkStatus> links = new java.util.ArrayList<>();
        for (var m : linkMonitors) links.addAll(m.links());
        List<SessionStatus> sessions = new java.util.ArrayList<>();
        for (var m : sessionMonitors) sessions.addAll(m.sessions());
        List<LanClient> clients = new java.util.ArrayList<>();
        for (var m : lanMonitors) clients.addAll(m.lanClients());
        return new StatusReport(links, sessions, clients, now);
    }

    public JsonObject toJson() {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (LinkStatus link : links) array.add(linkJson(link));
        JsonArrayBuilder sessionArray = JSON.createArrayBuilder();
        for (SessionStatus session : sessions) sessionArray.add(sessionJson(session));
        JsonArrayBuilder clients = JSON.createArrayBuilder();
        for (LanClient c : lanClients) {
            JsonArrayBuilder addresses = JSON.createArrayBuilder();
            for (var a : c.addresses()) addresses.add(Ipv6Text.format(a));
            JsonObjectBuilder o = JSON.createObjectBuilder().add("lan", c.lan().value()).add("duid", c.duid()).add("iaid", c.iaid())
                    .add("addresses", addresses).add("validUntil", c.validUntil().toString()).add("validLeft", secondsLeft(c.validUntil())).add("how", c.how());
            c.mac().ifPresent(m -> o.add("mac", m));
            if (!c.prefixes().isEmpty()) {
                JsonArrayBuilder prefixes = JSON.createArrayBuilder();
                for (var p : c.prefixes()) prefixes.add(p.toString());
                o.add("prefixes", prefixes);
            }
            clients.add(o);
        }
        return JSON.createObjectBuilder().add("links", array).add("sessions", sessionArray).add("lanClients", clients).build();
    }

    private JsonObject sessionJson(SessionStatus session) {
        JsonObjectBuilder o = JSON.createObjectBuilder().add("link", session.link().value()).add("state", session.state());
        session.server().ifPresent(s -> o.add("server", s));
        o.add("addresses", leasedJson(session.addresses(), "address"));
        o.add("prefixes", leasedJson(session.prefixes(), "prefix"));
        session.nextEvent().ifPresent(t -> o.add("nextEvent", t.toString()));
        if (!session.options().isEmpty()) {
            JsonArrayBuilder options = JSON.createArrayBuilder();
            for (var r : session.options()) options.add(JSON.createObjectBuilder().add("code", r.code()).add("hex", r.hex()));
            o.add("options", options);
        }
        session.ipv4().ifPresent(v4 -> o.add("ipv4", ipv4Json(v4)));
        return o.build();
    }

    /** DHCPv4 over DHCPv6: the client's state and its lease. */
    private JsonObject ipv4Json(SessionStatus.Ipv4 v4) {
        JsonObjectBuilder o = JSON.createObjectBuilder().add("state", v4.state());
        v4.lease().ifPresent(l -> {
            JsonArrayBuilder routers = JSON.createArrayBuilder();
            for (var r : l.routers()) routers.add(r.getHostAddress());
            JsonArrayBuilder dns = JSON.createArrayBuilder();
            for (var d : l.dnsServers()) dns.add(d.getHostAddress());
            JsonObjectBuilder lease = JSON.createObjectBuilder().add("address", l.cidr()).add("server", l.server().getHostAddress())
                    .add("routers", routers).add("dns", dns).add("renewAt", l.renewAt().toString()).add("rebindAt", l.rebindAt().toString())
                    .add("validUntil", l.validUntil().toString()).add("validLeft", secondsLeft(l.validUntil()));
            if (!l.options().isEmpty()) {
                JsonArrayBuilder options = JSON.createArrayBuilder();
                for (var r : l.options()) options.add(JSON.createObjectBuilder().add("code", r.code()).add("hex", r.hex()));
                lease.add("options", options);
            }
            o.add("lease", lease);
        });
        v4.nextEvent().ifPresent(t -> o.add("nextEvent", t.toString()));
        return o.build();
    }

    private JsonArrayBuilder leasedJson(List<SessionStatus.Leased> leased, String key) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (SessionStatus.Leased l : leased) {
            var o = JSON.createObjectBuilder().add(key, l.value()).add("preferredUntil", l.preferredUntil().toString())
                    .add("validUntil", l.validUntil().toString()).add("preferredLeft", secondsLeft(l.preferredUntil()))
                    .add("validLeft", secondsLeft(l.validUntil()));
            if (l.excluded().isPresent()) o.add("excluded", l.excluded().get()); // RFC 6603
            array.add(o);
        }
        return array;
    }

    private long secondsLeft(Instant until) {
        return Math.max(0, Duration.between(now, until).getSeconds());
    }

    private JsonObject linkJson(LinkStatus status) {
        JsonObjectBuilder o = JSON.createObjectBuilder()
                .add("interface", status.name().value())
                .add("mode", status.mode().key())
                .add("state", status.state().name())
                .add("since", status.since().toString())
                .add("reason", status.reason());
        status.link().ifPresent(link -> {
            o.add("ifindex", link.index()).add("local", LinkLocal.format(link.local()));
            link.peer().ifPresent(p -> o.add("peer", LinkLocal.format(p)));
            link.pppd().ifPresent(p -> o.add("pppd", pppdJson(p)));
        });
        return o.build();
    }

    private static JsonObject pppdJson(PppdSession session) {
        JsonObjectBuilder o = JSON.createObjectBuilder().add("pid", session.pid()).add("speed", session.speed());
        session.tty().ifPresent(t -> o.add("tty", t));
        session.ipparam().ifPresent(p -> o.add("ipparam", p));
        return o.build();
    }

    public String toText() {
        StringBuilder out = new StringBuilder();
        if (links.isEmpty()) out.append("no WAN links configured (add a prefixd.link-<name>.cfg to the configs directory)\n");
        for (LinkStatus status : links) {
            out.append(String.format("link %-10s %-10s %-8s %s (%s, %s ago)%n", status.name(), status.state().name().toLowerCase(),
                    status.mode().key(), status.reason(), status.since(), ago(status.since())));
            status.link().ifPresent(link -> out.append(details(link)));
        }
        for (SessionStatus session : sessions) {
            out.append(String.format("dhcp6 %-9s %-10s%s%n", session.link(), session.state().toLowerCase(),
                    session.server().map(s -> " server " + s).orElse("")));
            for (SessionStatus.Leased a : session.addresses()) out.append(leasedLine("address", a));
            for (SessionStatus.Leased p : session.prefixes()) out.append(leasedLine("prefix ", p));
            for (var r : session.options()) out.append("     option ").append(r.code()).append(" ").append(r.hex().isEmpty() ? "(empty)" : r.hex()).append('\n');
            session.nextEvent().ifPresent(t -> out.append("     next event in ").append(span(t)).append('\n'));
            session.ipv4().ifPresent(v4 -> {
                out.append(String.format("dhcp4o6 %-7s %s%n", session.link(), v4.state().toLowerCase()));
                v4.lease().ifPresent(l -> out.append("     address ").append(l.cidr()).append("  valid ").append(span(l.validUntil()))
                        .append(", server ").append(l.server().getHostAddress())
                        .append(l.routers().isEmpty() ? "" : ", router " + l.routers().get(0).getHostAddress()).append('\n'));
                v4.nextEvent().ifPresent(t -> out.append("     next event in ").append(span(t)).append('\n'));
            });
        }
        for (LanClient c : lanClients)
            out.append(String.format("lan   %-9s %sduid %s %s  valid %s (%s)%n", c.lan(), c.mac().map(m -> "mac " + m + " ").orElse(""), c.duid(),
                    c.prefixes().isEmpty() ? c.addresses().stream().map(Ipv6Text::format).toList() : c.prefixes(), span(c.validUntil()), c.how()));
        return out.toString();
    }

    private String details(WanLink link) {
        StringBuilder out = new StringBuilder("     index ").append(link.index()).append(", local ").append(LinkLocal.format(link.local()));
        link.peer().ifPresent(p -> out.append(", peer ").append(LinkLocal.format(p)));
        link.pppd().ifPresent(p -> out.append(", pppd pid ").append(p.pid())
                .append(p.tty().map(t -> " on " + t).orElse(""))
                .append(p.ipparam().map(i -> " ipparam " + i).orElse("")));
        return out.append('\n').toString();
    }

    private String leasedLine(String what, SessionStatus.Leased l) {
        return "     " + what + " " + l.value() + "  preferred " + span(l.preferredUntil()) + ", valid " + span(l.validUntil())
                + (l.excluded().isPresent() ? ", excluded " + l.excluded().get() : "") + "\n";
    }

    private String span(Instant until) {
        long seconds = secondsLeft(until);
        if (seconds > 100L * 365 * 86400) return "forever";
        if (seconds < 120) return seconds + " s";
        if (seconds < 7200) return seconds / 60 + " min";
        return seconds / 3600 + " h";
    }

    private String ago(Instant then) {
        long seconds = Math.max(0, Duration.between(then, now).getSeconds());
        if (seconds < 120) return seconds + " s";
        if (seconds < 7200) return seconds / 60 + " min";
        return seconds / 3600 + " h";
    }
}
