package org.prefixd.link;

import java.io.StringReader;
import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;

import org.prefixd.api.InterfaceName;
import org.prefixd.api.LinkLocal;

/** Reads the output of {@code ip -j addr show dev NAME} (iproute2 JSON). */
public final class IpAddrJson {
    // Parsson, embedded in this bundle: the jakarta.json lookup through ServiceLoader fails in OSGi.
    private static final JsonProvider JSON = new org.eclipse.parsson.JsonProviderImpl();

    private IpAddrJson() {
    }

    /**
     * @return the link, or empty when the output lists no such interface
     * @throws IllegalArgumentException when the output is not what iproute2 prints
     */
    public static Optional<KernelLink> parse(String json, InterfaceName name) {
        JsonArray links;
        try {
            links = JSON.createReader(new StringReader(json)).readArray();
        } catch (JsonParsingException | ClassCastException | IllegalStateException e) {
            throw new IllegalArgumentException("ip printed something that is not a JSON array: " + e.getMessage());
        } catch (JsonException e) {
            throw new IllegalArgumentException("ip printed unreadable JSON: " + e.getMessage());
        }
        for (JsonValue value : links) {
            if (value.getValueType() != JsonValue.ValueType.OBJECT) continue;
            JsonObject link = value.asJsonObject();
            if (!name.value().equals(link.getString("ifname", null))) continue;
            try {
                return Optional.of(toLink(link, name));
            } catch (ClassCastException | NullPointerException e) {
                throw new IllegalArgumentException("ip printed a link entry of an unexpected shape: " + e);
            }
        }
        return Optional.empty();
    }

    private static KernelLink toLink(JsonObject link, InterfaceName name) {
        Set<String> flags = new HashSet<>();
        for (JsonValue flag : link.getJsonArray("flags")) flags.add(((jakarta.json.JsonString) flag).getString());
        List<KernelAddress> addresses = new ArrayList<>();
        JsonArray infos = link.getJsonArray("addr_info");
        if (infos != null) {
            for (JsonValue info : infos) {
                JsonObject a = info.asJsonObject();
                if (!"inet6".equals(a.getString("family", null))) continue;
                String local = a.getString("local", null);
                if (local == null) continue;
                Inet6Address address = parseAddress(local);
                if (address == null) continue;
                Optional<Inet6Address> peer = Optional.ofNullable(a.getString("address", null)).map(IpAddrJson::parseAddress);
                addresses.add(new KernelAddress(address, peer, a.getBoolean("tentative", false), a.getBoolean("dadfailed", false)));
            }
        }
        return new KernelLink(name, link.getInt("ifindex"), flags, link.getString("operstate", "UNKNOWN"), addresses);
    }

    /** Link-local addresses only: prefixd never looks at the others here. */
    private static Inet6Address parseAddress(String text) {
        try {
            return LinkLocal.parse(text);
        } catch (IllegalArgumentException notLinkLocal) {
            return null;
        }
    }
}
