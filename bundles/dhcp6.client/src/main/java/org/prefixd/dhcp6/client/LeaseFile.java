package org.prefixd.dhcp6.client;

import java.io.IOException;
import java.io.StringReader;
import java.net.Inet6Address;
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
import org.prefixd.api.Ipv6Text;
import org.prefixd.api.Prefix;
import org.prefixd.api.ReceivedOption;
import org.prefixd.dhcp6.codec.Bytes;
import org.prefixd.dhcp6.codec.DomainName;
import org.prefixd.dhcp6.codec.Duid;

/**
 * The lease in the state directory, as JSON: written atomically (temporary file, fsync,
 * rename, fsync of the directory) on every change, and read back with every value checked
 * again, so a damaged or edited file gives "no lease" and a log line, never a bad route. It
 * also names the running prefixd that last wrote it (the OSGi framework's UUID, new at every
 * process start), so that a restarted prefixd knows the lease was kept across a gap.
 */
public final class LeaseFile {
    // Parsson, embedded in this bundle: the jakarta.json lookup through ServiceLoader fails in OSGi.
    private static final JsonProvider JSON = new org.eclipse.parsson.JsonProviderImpl();
    private static final int VERSION = 1;
    private static final long MAX_BYTES = 64 * 1024;

    private LeaseFile() {
    }

    /**
     * A lease as kept in the file.
     *
     * @param writtenBy the framework UUID of the prefixd that wrote it; empty in files of older versions
     */
    public record Stored(Lease lease, Optional<String> writtenBy, Optional<Unheard> unheard) {
        public Stored {
            java.util.Objects.requireNonNull(lease, "lease");
            java.util.Objects.requireNonNull(writtenBy, "writtenBy");
            java.util.Objects.requireNonNull(unheard, "unheard");
        }

        public Stored(Lease lease, Optional<String> writtenBy) {
            this(lease, writtenBy, Optional.empty());
        }
    }

    /**
     * The lease's last event, when no listener (no hook dispatcher) was there to hear it: a
     * refresh of the api bundle restarts the client and the hooks, and an event between the
     * hooks' stop and the client's would otherwise run no hook. Told to the listeners at the next
     * start, before the lease is resumed.
     *
     * @param kind as LeaseListener names it ("renewed"), @param eventId its event id
     */
    public record Unheard(String kind, String eventId) {
        public Unheard {
            if (!kind.matches("[a-z]{1,16}")) throw new IllegalArgumentException("event kind '" + kind + "'");
            if (!eventId.matches("[0-9a-z-]{1,40}")) throw new IllegalArgumentException("event id '" + eventId + "'");
        }
    }

    public static String toJson(Lease lease) {
        return toJson(lease, Optional.empty());
    }

    static String toJson(Lease lease, Optional<String> writtenBy) {
        return toJson(lease, writtenBy, Optional.empty());
    }

    static String toJson(Lease lease, Optional<String> writtenBy, Optional<Unheard> unheard) {
        JsonArrayBuilder ias = JSON.createArrayBuilder();
        for (IaBinding ia : lease.ias()) {
            JsonArrayBuilder addresses = JSON.createArrayBuilder();
            for (LeasedAddress a : ia.addresses())
                addresses.add(JSON.createObjectBuilder().add("address", Ipv6Text.format(a.address()))
                        .add("preferredUntil", a.preferredUntil().toString()).add("validUntil", a.validUntil().toString()));
            JsonArrayBuilder prefixes = JSON.createArrayBuilder();
            for (LeasedPrefix p : ia.prefixes()) {
                JsonObjectBuilder po = JSON.createObjectBuilder().add("prefix", Ipv6Text.format(p.prefix())).add("length", p.length())
                        .add("preferredUntil", p.preferredUntil().toString()).add("validUntil", p.validUntil().toString());
                if (p.excluded().isPresent()) po.add("excluded", p.excluded().get().toString());
                prefixes.add(po);
            }
            ias.add(JSON.createObjectBuilder().add("type", ia.type().name()).add("iaid", ia.iaid())
                    .add("renewAt", ia.renewAt().toString()).add("rebindAt", ia.rebindAt().toString())
                    .add("addresses", addresses).add("prefixes", prefixes));
        }
        ServerInformation info = lease.information();
        JsonObjectBuilder o = JSON.createObjectBuilder().add("version", VERSION).add("server", lease.server().bytes().hex())
                .add("ias", ias).add("dns", addresses(info.dnsServers())).add("sntp", addresses(info.sntpServers()))
                .add("domains", names(info.domains())).add("ntp", addresses(info.ntpServers())).add("ntpNames", names(info.ntpNames()))
                .add("sip", addresses(info.sipServers())).add("sipDomains", names(info.sipDomains()));
        info.aftr().ifPresent(a -> o.add("aftr", a.text()));
        if (!info.options().isEmpty()) {
            JsonArrayBuilder options = JSON.createArrayBuilder();
            for (ReceivedOption r : info.options()) options.add(JSON.createObjectBuilder().add("code", r.code()).add("hex", r.hex()));
            o.add("options", options);
        }
        info.dhcp4o6Servers().ifPresent(servers -> o.add("dhcp4o6Servers", addresses(servers)));
        lease.reconfigureKey().ifPresent(k -> o.add("reconfigureKey", k.key().hex()).add("reconfigureReplay", Long.toUnsignedString(k.lastReplay())));
        writtenBy.ifPresent(w -> o.add("writtenBy", w));
        unheard.ifPresent(u -> o.add("unheard", JSON.createObjectBuilder().add("kind", u.kind()).add("id", u.eventId())));
        return o.build().toString();
    }

    /** @throws IllegalArgumentException naming what is wrong, for anything that is not a lease this class wrote */
    public static Lease fromJson(String text) {
        return storedFromJson(text).lease();
    }

    static Stored storedFromJson(String text) {
        try {
            JsonObject o = JSON.createReader(new StringReader(text)).readObject();
            if (o.getInt("version") != VERSION) throw new IllegalArgumentException("lease file version " + o.getInt("version") + " is not " + VERSION);
            List<IaBinding> ias = new ArrayList<>();
            for (JsonValue v : o.getJsonArray("ias")) {
                JsonObject ia = v.asJsonObject();
                List<LeasedAddress> addresses = new ArrayList<>();
                for (JsonValue a : ia.getJsonArray("addresses")) {
                    JsonObject ao = a.asJsonObject();
                    Inet6Address address = address(ao.getString("address"));
                    String problem = ReplyReader.notGlobalUnicast(address);
                    if (problem != null) throw new IllegalArgumentException("address " + ao.getString("address") + ": " + problem);
                    addresses.add(new LeasedAddress(address, instant(ao, "preferredUntil"), instant(ao, "validUntil")));
                }
                List<LeasedPrefix> prefixes = new ArrayList<>();
                for (JsonValue p : ia.getJsonArray("prefixes")) {
                    JsonObject po = p.asJsonObject();
                    Inet6Address prefix = address(po.getString("prefix"));
                    int length = po.getInt("length");
                    String problem = ReplyReader.notGlobalUnicast(prefix);
                    if (problem != null) throw new IllegalArgumentException("prefix " + po.getString("prefix") + ": " + problem);
                    if (length < ReplyReader.SHORTEST_DELEGATED_PREFIX || length > ReplyReader.LONGEST_DELEGATED_PREFIX)
                        throw new IllegalArgumentException("prefix length " + length + " is outside the delegated range");
                    // "excluded" (RFC 6603) came with a later prefixd: a file without it has none
                    Optional<Prefix> excluded = po.containsKey("excluded") ? Optional.of(Prefix.parse(po.getString("excluded"))) : Optional.empty();
                    prefixes.add(new LeasedPrefix(prefix, length, instant(po, "preferredUntil"), instant(po, "validUntil"), excluded));
                }
                ias.add(new IaBinding(IaBinding.Type.valueOf(ia.getString("type")), ia.getJsonNumber("iaid").longValueExact(),
                        instant(ia, "renewAt"), instant(ia, "rebindAt"), addresses, prefixes));
            }
            Optional<DomainName> aftr = o.containsKey("aftr") ? Optional.of(DomainName.of(o.getString("aftr"))) : Optional.empty();
            // ntp, ntpNames, sip and sipDomains came with a later prefixd: a file without them has none.
            // "options" (received for the owner) likewise
            List<ReceivedOption> received = new ArrayList<>();
            for (JsonValue v : optionalArray(o, "options"))
                received.add(new ReceivedOption(v.asJsonObject().getInt("code"), v.asJsonObject().getString("hex")));
            ServerInformation info = new ServerInformation(addressList(o.getJsonArray("dns")), nameList(o.getJsonArray("domains")),
                    addressList(o.getJsonArray("sntp")), addressList(optionalArray(o, "ntp")), nameList(optionalArray(o, "ntpNames")),
                    addressList(optionalArray(o, "sip")), nameList(optionalArray(o, "sipDomains")), aftr, received,
                    o.containsKey("dhcp4o6Servers") ? Optional.of(addressList(o.getJsonArray("dhcp4o6Servers"))) : Optional.empty());
            Optional<ReconfigureKey> key = o.containsKey("reconfigureKey")
                    ? Optional.of(new ReconfigureKey(Bytes.fromHex(o.getString("reconfigureKey")), Long.parseUnsignedLong(o.getString("reconfigureReplay"))))
                    : Optional.empty();
            Optional<String> writtenBy = o.containsKey("writtenBy") ? Optional.of(o.getString("writtenBy")) : Optional.empty();
            Optional<Unheard> unheard = Optional.empty();
            if (o.containsKey("unheard")) {
                JsonObject u = o.getJsonObject("unheard");
                unheard = Optional.of(new Unheard(u.getString("kind"), u.getString("id")));
            }
            return new Stored(new Lease(Duid.fromHex(o.getString("server")), ias, info, key), writtenBy, unheard);
        } catch (JsonException | ClassCastException | NullPointerException | ArithmeticException | IllegalStateException e) {
            throw new IllegalArgumentException("not a lease file: " + e.getMessage());
        }
    }

    /** Writes atomically (a crash leaves the old lease or the new one, never half of one), readable by its owner only. */
    public static void write(Path file, Lease lease) throws IOException {
        write(file, lease, Optional.empty());
    }

    /** @param writtenBy the writer's framework UUID */
    public static void write(Path file, Lease lease, Optional<String> writtenBy) throws IOException {
        write(file, lease, writtenBy, Optional.empty());
    }

    /** @param unheard the last event, when no listener heard it */
    public static void write(Path file, Lease lease, Optional<String> writtenBy, Optional<Unheard> unheard) throws IOException {
        AtomicFile.write(file, toJson(lease, writtenBy, unheard).getBytes(StandardCharsets.UTF_8)); // 0600: it may hold the Reconfigure key
    }

    /** @return the lease, or empty when there is no file; a damaged file is an IllegalArgumentException */
    public static Optional<Lease> read(Path file) throws IOException {
        return readStored(file).map(Stored::lease);
    }

    /** @return the lease and its writer, or empty when there is no file; a damaged file is an IllegalArgumentException */
    public static Optional<Stored> readStored(Path file) throws IOException {
        if (!Files.exists(file)) return Optional.empty();
        if (Files.size(file) > MAX_BYTES) throw new IllegalArgumentException(file + " is larger than a lease file can be");
        return Optional.of(storedFromJson(Files.readString(file, StandardCharsets.UTF_8)));
    }

    private static JsonArrayBuilder names(List<DomainName> list) {
        JsonArrayBuilder out = JSON.createArrayBuilder();
        for (DomainName d : list) out.add(d.text());
        return out;
    }

    private static List<DomainName> nameList(jakarta.json.JsonArray array) {
        List<DomainName> out = new ArrayList<>();
        for (JsonValue d : array) out.add(DomainName.of(((JsonString) d).getString()));
        return out;
    }

    private static jakarta.json.JsonArray optionalArray(JsonObject o, String key) {
        return o.containsKey(key) ? o.getJsonArray(key) : JsonValue.EMPTY_JSON_ARRAY;
    }

    private static JsonArrayBuilder addresses(List<Inet6Address> list) {
        JsonArrayBuilder out = JSON.createArrayBuilder();
        for (Inet6Address a : list) out.add(Ipv6Text.format(a));
        return out;
    }

    private static List<Inet6Address> addressList(JsonArray array) {
        List<Inet6Address> out = new ArrayList<>();
        for (JsonValue v : array) out.add(address(((JsonString) v).getString()));
        return out;
    }

    private static Instant instant(JsonObject o, String key) {
        try {
            return Instant.parse(o.getString(key));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + " is not a time");
        }
    }

    private static Inet6Address address(String text) {
        return Ipv6Text.parse(text);
    }
}
