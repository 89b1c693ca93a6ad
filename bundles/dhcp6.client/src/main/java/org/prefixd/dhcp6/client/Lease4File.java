package org.prefixd.dhcp6.client;

import java.io.IOException;
import java.io.StringReader;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import org.prefixd.api.AtomicFile;
import org.prefixd.api.InterfaceName;
import org.prefixd.api.ReceivedOption;

/**
 * The IPv4 (DHCPv4-over-DHCPv6) lease in the state directory, beside the DHCPv6 one and like it:
 * JSON written atomically, read back with every value checked as a DHCPACK's would be, and
 * naming the prefixd that wrote it (so that a restart checks the lease with an INIT-REBOOT
 * REQUEST rather than a DISCOVER).
 */
public final class Lease4File {
    private static final JsonProvider JSON = new org.eclipse.parsson.JsonProviderImpl();
    private static final int VERSION = 1;
    private static final long MAX_BYTES = 16 * 1024;

    private Lease4File() {
    }

    /**
     * A lease as kept in the file.
     *
     * @param writtenBy the writer's framework UUID
     * @param iface the interface its address was set on, if any (so that a new setting moves it)
     */
    public record Stored(Lease4 lease, Optional<String> writtenBy, Optional<InterfaceName> iface) {
    }

    public static String toJson(Lease4 lease, Optional<String> writtenBy, Optional<InterfaceName> iface) {
        JsonObjectBuilder o = JSON.createObjectBuilder().add("version", VERSION).add("server", lease.server().getHostAddress())
                .add("address", lease.address().getHostAddress()).add("prefixLength", lease.prefixLength())
                .add("routers", addresses(lease.routers())).add("dns", addresses(lease.dnsServers()))
                .add("boundAt", lease.boundAt().toString()).add("renewAt", lease.renewAt().toString())
                .add("rebindAt", lease.rebindAt().toString()).add("validUntil", lease.validUntil().toString());
        JsonArrayBuilder options = JSON.createArrayBuilder();
        for (ReceivedOption r : lease.options()) options.add(JSON.createObjectBuilder().add("code", r.code()).add("hex", r.hex()));
        o.add("options", options);
        writtenBy.ifPresent(w -> o.add("writtenBy", w));
        iface.ifPresent(i -> o.add("interface", i.value()));
        return o.build().toString();
    }

    /** @throws IllegalArgumentException naming what is wrong, for anything that is not a lease this class wrote */
    public static Stored fromJson(String text) {
        try {
            JsonObject o = JSON.createReader(new StringReader(text)).readObject();
            if (o.getInt("version") != VERSION) throw new IllegalArgumentException("IPv4 lease file version " + o.getInt("version") + " is not " + VERSION);
            Inet4Address address = address(o.getString("address"));
            String problem = Dhcp4Session.unusableAddress(address);
            if (problem != null) throw new IllegalArgumentException("address: " + problem);
            List<ReceivedOption> options = new ArrayList<>();
            for (JsonValue v : o.getJsonArray("options"))
                options.add(new ReceivedOption(v.asJsonObject().getInt("code"), v.asJsonObject().getString("hex")));
            Lease4 lease = new Lease4(address(o.getString("server")), address, o.getInt("prefixLength"), unicast(o.getJsonArray("routers")),
                    unicast(o.getJsonArray("dns")), instant(o, "boundAt"), instant(o, "renewAt"), instant(o, "rebindAt"), instant(o, "validUntil"), options);
            Optional<InterfaceName> iface = Optional.empty();
            if (o.containsKey("interface")) {
                String bad = InterfaceName.problemWith(o.getString("interface"));
                if (bad != null) throw new IllegalArgumentException("interface: " + bad);
                iface = Optional.of(InterfaceName.of(o.getString("interface")));
            }
            return new Stored(lease, o.containsKey("writtenBy") ? Optional.of(o.getString("writtenBy")) : Optional.empty(), iface);
        } catch (JsonException | ClassCastException | NullPointerException | ArithmeticException | IllegalStateException e) {
            throw new IllegalArgumentException("not an IPv4 lease file: " + e.getMessage());
        }
    }

    /** Atomically, readable by its owner only. */
    public static void write(Path file, Lease4 lease, Optional<String> writtenBy, Optional<InterfaceName> iface) throws IOException {
        AtomicFile.write(file, toJson(lease, writtenBy, iface).getBytes(StandardCharsets.UTF_8));
    }

    /** @return empty when there is no file; a damaged file is an IllegalArgumentException */
    public static Optional<Stored> read(Path file) throws IOException {
        if (!Files.exists(file)) return Optional.empty();
        if (Files.size(file) > MAX_BYTES) throw new IllegalArgumentException(file + " is larger than an IPv4 lease file can be");
        return Optional.of(fromJson(Files.readString(file, StandardCharsets.UTF_8)));
    }

    private static JsonArrayBuilder addresses(List<Inet4Address> list) {
        JsonArrayBuilder out = JSON.createArrayBuilder();
        for (Inet4Address a : list) out.add(a.getHostAddress());
        return out;
    }

    private static List<Inet4Address> unicast(JsonArray array) {
        List<Inet4Address> out = new ArrayList<>();
        for (JsonValue v : array) {
            Inet4Address a = address(((JsonString) v).getString());
            String problem = Dhcp4Session.unusableAddress(a);
            if (problem != null) throw new IllegalArgumentException(problem);
            out.add(a);
        }
        return out;
    }

    /** Dotted quads only: never a name to resolve. */
    static Inet4Address address(String text) {
        if (!text.matches("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}"))
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 address");
        try {
            return (Inet4Address) InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 address");
        }
    }

    private static Instant instant(JsonObject o, String key) {
        try {
            return Instant.parse(o.getString(key));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + " is not a time");
        }
    }
}
