package org.prefixd.dhcp6.server;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import org.prefixd.api.AtomicFile;
import org.prefixd.api.Ipv6Text;
import org.prefixd.api.Prefix;
import org.prefixd.dhcp6.codec.Duid;

/**
 * A LAN's bound leases and delegations in the state directory ({@code lan-leases-<lan>.json}),
 * written atomically after each change and read back with every value checked; never more than
 * {@link Bindings#MAX_BOUND} leases and {@link Delegations#MAX_DELEGATED} delegations (offers are
 * never written).
 */
public final class LanLeaseFile {
    private static final JsonProvider JSON = new org.eclipse.parsson.JsonProviderImpl();
    private static final int VERSION = 1;
    private static final long MAX_BYTES = 2L * 1024 * 1024;

    private LanLeaseFile() {
    }

    /**
     * What the file holds.
     *
     * @param formers the sub-prefix number each former router had ("DUID/IAID" → number), so that
     *                one coming back after a Release and a restart gets the same prefix again
     */
    public record Stored(List<LanLease> leases, List<Delegation> delegations, Map<String, Long> formers) {
        public Stored {
            leases = List.copyOf(leases);
            delegations = List.copyOf(delegations);
            formers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(formers));
        }

        public Stored(List<LanLease> leases, List<Delegation> delegations) {
            this(leases, delegations, Map.of());
        }
    }

    private static final java.util.regex.Pattern FORMER_KEY = java.util.regex.Pattern.compile("([0-9a-f]{2}){2,130}/[0-9]{1,10}");

    public static String toJson(Collection<LanLease> leases) {
        return toJson(leases, List.of());
    }

    public static String toJson(Collection<LanLease> leases, Collection<Delegation> delegations) {
        return toJson(leases, delegations, Map.of());
    }

    public static String toJson(Collection<LanLease> leases, Collection<Delegation> delegations, Map<String, Long> formers) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (LanLease l : leases) {
            var o = JSON.createObjectBuilder().add("duid", l.client().bytes().hex()).add("iaid", l.iaid())
                    .add("interfaceId", Long.toHexString(l.interfaceId())).add("how", l.how().name()).add("validUntil", l.validUntil().toString());
            l.mac().ifPresent(m -> o.add("mac", m.text()));
            l.from().ifPresent(a -> o.add("from", Ipv6Text.format(a)));
            array.add(o);
        }
        JsonArrayBuilder delegated = JSON.createArrayBuilder();
        for (Delegation d : delegations) {
            JsonArrayBuilder given = JSON.createArrayBuilder();
            for (Prefix p : d.given()) given.add(p.toString());
            delegated.add(JSON.createObjectBuilder().add("duid", d.client().bytes().hex()).add("iaid", d.iaid()).add("index", d.index())
                    .add("length", d.length()).add("via", Ipv6Text.format(d.via())).add("validUntil", d.validUntil().toString()).add("given", given));
        }
        JsonArrayBuilder former = JSON.createArrayBuilder();
        for (Map.Entry<String, Long> f : formers.entrySet()) former.add(JSON.createObjectBuilder().add("key", f.getKey()).add("index", f.getValue()));
        return JSON.createObjectBuilder().add("version", VERSION).add("leases", array).add("delegations", delegated).add("formers", former).build().toString();
    }

    /** @throws IllegalArgumentException naming what is wrong */
    public static List<LanLease> fromJson(String text) {
        return storedFromJson(text).leases();
    }

    /** @throws IllegalArgumentException naming what is wrong */
    public static Stored storedFromJson(String text) {
        try {
            JsonObject o = JSON.createReader(new StringReader(text)).readObject();
            if (o.getInt("version") != VERSION) throw new IllegalArgumentException("LAN lease file version " + o.getInt("version") + " is not " + VERSION);
            List<LanLease> out = new ArrayList<>();
            for (JsonValue v : o.getJsonArray("leases")) {
                JsonObject l = v.asJsonObject();
                long iaid = l.getJsonNumber("iaid").longValueExact();
                if (iaid < 0 || iaid > 0xffffffffL) throw new IllegalArgumentException("IAID " + iaid + " does not fit 32 bits");
                String iid = l.getString("interfaceId");
                if (!iid.matches("[0-9a-f]{1,16}")) throw new IllegalArgumentException("interface id '" + iid + "' is not hex");
                Optional<MacAddress> mac = l.containsKey("mac") ? Optional.of(MacAddress.parse(l.getString("mac"))) : Optional.empty();
                Instant until;
                try {
                    until = Instant.parse(l.getString("validUntil"));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("validUntil is not a time");
                }
                Optional<java.net.Inet6Address> from = l.containsKey("from") ? Optional.of(Ipv6Text.parse(l.getString("from"))) : Optional.empty();
                out.add(new LanLease(Duid.fromHex(l.getString("duid")), iaid, Long.parseUnsignedLong(iid, 16), LanLease.How.valueOf(l.getString("how")), mac, until, from));
                if (out.size() > Bindings.MAX_BOUND) throw new IllegalArgumentException("more than " + Bindings.MAX_BOUND + " leases");
            }
            List<Delegation> delegations = new ArrayList<>();
            if (o.containsKey("delegations")) // written since delegations exist
                for (JsonValue v : o.getJsonArray("delegations")) {
                    JsonObject d = v.asJsonObject();
                    long iaid = d.getJsonNumber("iaid").longValueExact();
                    if (iaid < 0 || iaid > 0xffffffffL) throw new IllegalArgumentException("IAID " + iaid + " does not fit 32 bits");
                    java.net.Inet6Address via = Ipv6Text.parse(d.getString("via"));
                    List<Prefix> given = new ArrayList<>();
                    for (JsonValue g : d.getJsonArray("given")) given.add(Prefix.parse(((jakarta.json.JsonString) g).getString()));
                    if (given.size() > 16) throw new IllegalArgumentException("a delegation with " + given.size() + " prefixes");
                    delegations.add(new Delegation(Duid.fromHex(d.getString("duid")), iaid, d.getJsonNumber("index").longValueExact(), d.getInt("length"), via,
                            time(d.getString("validUntil")), given));
                    if (delegations.size() > Delegations.MAX_DELEGATED) throw new IllegalArgumentException("more than " + Delegations.MAX_DELEGATED + " delegations");
                }
            Map<String, Long> formers = new java.util.LinkedHashMap<>();
            if (o.containsKey("formers")) // written since former numbers are kept
                for (JsonValue v : o.getJsonArray("formers")) {
                    JsonObject f = v.asJsonObject();
                    String key = f.getString("key");
                    if (!FORMER_KEY.matcher(key).matches()) throw new IllegalArgumentException("former router '" + key + "' is not DUID/IAID");
                    long index = f.getJsonNumber("index").longValueExact();
                    if (index < 0 || index > 0xffffffffL) throw new IllegalArgumentException("sub-prefix number " + index + " does not fit 32 bits");
                    formers.put(key, index);
                    if (formers.size() > Bindings.MAX_REMEMBERED) throw new IllegalArgumentException("more than " + Bindings.MAX_REMEMBERED + " former routers");
                }
            return new Stored(out, delegations, formers);
        } catch (JsonException | ClassCastException | NullPointerException | ArithmeticException | IllegalStateException e) {
            throw new IllegalArgumentException("not a LAN lease file: " + e.getMessage());
        }
    }

    private static Instant time(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("validUntil is not a time");
        }
    }

    public static void write(Path file, Collection<LanLease> leases) throws IOException {
        write(file, leases, List.of());
    }

    public static void write(Path file, Collection<LanLease> leases, Collection<Delegation> delegations) throws IOException {
        write(file, new Stored(List.copyOf(leases), List.copyOf(delegations)));
    }

    public static void write(Path file, Stored stored) throws IOException {
        AtomicFile.write(file, toJson(stored.leases(), stored.delegations(), stored.formers()).getBytes(StandardCharsets.UTF_8));
    }

    /** @return no leases when there is no file; a damaged one is an IllegalArgumentException */
    public static List<LanLease> read(Path file) throws IOException {
        return readStored(file).leases();
    }

    /** @return nothing when there is no file; a damaged one is an IllegalArgumentException */
    public static Stored readStored(Path file) throws IOException {
        if (!Files.exists(file)) return new Stored(List.of(), List.of());
        if (Files.size(file) > MAX_BYTES) throw new IllegalArgumentException(file + " is larger than a LAN lease file can be");
        return storedFromJson(Files.readString(file, StandardCharsets.UTF_8));
    }
}
