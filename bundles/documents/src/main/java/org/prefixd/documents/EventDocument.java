package org.prefixd.documents;

import java.io.StringWriter;
import java.net.Inet6Address;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

import org.prefixd.api.DelegatedPrefix;
import org.prefixd.api.Ipv6Text;
import org.prefixd.api.ReceivedOption;
import org.prefixd.api.Topics;
import org.prefixd.api.WanLease;
import org.prefixd.api.WanLease4;

/**
 * One of prefixd's events as JSON, the same on the web page's event stream and on the fleet's
 * broker (format in the README, "Event stream"). Only typed, known properties are rendered;
 * times are ISO-8601 UTC.
 */
public final class EventDocument {
    static final JsonProvider PROVIDER = StatusReport.JSON;

    private EventDocument() {
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

    /** The topic of {@link #dropped}. */
    public static final String DROPPED_TOPIC = "prefixd/fleet/DROPPED";

    /** A fleet router's word, when the broker is back, of how many events its bounded backlog dropped meanwhile. */
    public static String dropped(long id, Instant time, long dropped) {
        return text(PROVIDER.createObjectBuilder().add("id", id).add("time", time.toString()).add("topic", DROPPED_TOPIC).add("dropped", dropped).build());
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

    private static JsonArrayBuilder addresses(List<Inet6Address> list) {
        return strings(list.stream().map(Ipv6Text::format).toList());
    }

    private static JsonArrayBuilder strings(List<String> list) {
        JsonArrayBuilder a = PROVIDER.createArrayBuilder();
        list.forEach(a::add);
        return a;
    }

    /** One line: one data line of an event stream, one MQTT payload. */
    public static String text(JsonObject o) {
        StringWriter w = new StringWriter();
        try (var writer = PROVIDER.createWriter(w)) {
            writer.writeObject(o);
        }
        return w.toString();
    }
}
