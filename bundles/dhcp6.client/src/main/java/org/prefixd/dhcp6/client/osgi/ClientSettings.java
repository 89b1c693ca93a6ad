package org.prefixd.dhcp6.client.osgi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.prefixd.api.AtomicFile;
import org.prefixd.api.InterfaceName;
import org.prefixd.api.Ipv6Text;
import org.prefixd.api.Prefix;
import org.prefixd.dhcp6.client.ReplyReader;
import org.prefixd.dhcp6.client.SessionSettings;
import org.prefixd.dhcp6.codec.Duid;
import org.prefixd.dhcp6.codec.OptionCodes;
import org.prefixd.dhcp6.codec.RawOption;

/** A {@link ClientConfig} checked once; every bad value fails here with the property named. */
record ClientSettings(InterfaceName link, SessionSettings session, boolean acceptAnySourcePort, java.time.Duration linkLostGrace,
                      boolean releaseOnStop, Optional<FourOverSix> dhcp4o6) {
    /**
     * DHCPv4 over DHCPv6, when enabled.
     *
     * @param iface where the IPv4 address goes; empty: only the hooks and the services
     * @param options DHCPv4 option codes asked for
     * @param iaid the IAID of the DHCPv4 Client-identifier (RFC 4361): the IA_NA's, else the first IA_PD's, else 0
     */
    record FourOverSix(Optional<InterfaceName> iface, List<Integer> options, long iaid) {
    }

    static ClientSettings from(ClientConfig config, Path stateDir) throws IOException {
        return from(config, stateDir, problem -> { });
    }

    /** @param damaged told why, when the kept DUID file is damaged and a new DUID is made */
    static ClientSettings from(ClientConfig config, Path stateDir, java.util.function.Consumer<String> damaged) throws IOException {
        String problem = InterfaceName.problemWith(config.link());
        if (problem != null) throw new IllegalArgumentException("prefixd.dhcp6: link: " + problem);
        Duid duid;
        if (config.duid() == null || config.duid().isBlank()) {
            duid = storedDuid(stateDir, damaged);
        } else {
            try {
                duid = Duid.fromHex(config.duid());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("prefixd.dhcp6: duid: " + e.getMessage());
            }
        }
        if (config.iana() < -1 || config.iana() > 0xffffffffL)
            throw new IllegalArgumentException("prefixd.dhcp6: iana: " + config.iana() + " is not -1 or an IAID (0..4294967295)");
        List<SessionSettings.PdRequest> pds = new ArrayList<>();
        for (String entry : config.iapd() == null ? new String[0] : config.iapd()) {
            if (entry.isBlank()) continue;
            String[] parts = entry.trim().split("/");
            try {
                long iaid = Long.parseLong(parts[0]);
                if (parts.length > 3) throw new IllegalArgumentException("more than IAID/prefix/length");
                Optional<java.net.Inet6Address> prefix = parts.length == 3 ? Optional.of(Ipv6Text.parse(parts[1])) : Optional.empty();
                int hint = parts.length > 1 ? Integer.parseInt(parts[parts.length - 1]) : 0;
                if (prefix.isPresent() && (hint < ReplyReader.SHORTEST_DELEGATED_PREFIX || hint > ReplyReader.LONGEST_DELEGATED_PREFIX))
                    throw new IllegalArgumentException("a prefix hint of /" + hint + " is not a delegation prefixd would accept");
                pds.add(new SessionSettings.PdRequest(iaid, hint, prefix.map(p -> new Prefix(p, hint).network())));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("prefixd.dhcp6: iapd: '" + entry + "' is not IAID, IAID/prefix-length or IAID/prefix/length (" + e.getMessage() + ")");
            }
        }
        Optional<Long> na = config.iana() < 0 ? Optional.empty() : Optional.of(config.iana());
        if (config.stateless()) {
            if (na.isPresent() || !pds.isEmpty())
                throw new IllegalArgumentException("prefixd.dhcp6: stateless = true asks for no address and no prefix: set iana = -1 and iapd empty");
        } else if (na.isEmpty() && pds.isEmpty()) {
            throw new IllegalArgumentException("prefixd.dhcp6: neither iana nor iapd asks for anything (or set stateless = true)");
        }
        Optional<FourOverSix> dhcp4o6 = fourOverSix(config, na, pds);
        List<Integer> requested = requested(config.request_options());
        if (dhcp4o6.isPresent() && !requested.contains(OptionCodes.DHCP4_O_DHCP6_SERVER)) requested.add(OptionCodes.DHCP4_O_DHCP6_SERVER);
        return new ClientSettings(InterfaceName.of(config.link()), new SessionSettings(duid, na, pds, config.rapid_commit(),
                config.first_solicit_delay(), requested, extra(config.send_options()),
                preferred(config.prefer_server()), config.stateless(), config.accept_reconfigure(), config.pd_exclude()), config.accept_any_source_port(),
                grace(config.link_lost_grace()), config.release_on_stop(), dhcp4o6);
    }

    private static Optional<FourOverSix> fourOverSix(ClientConfig config, Optional<Long> na, List<SessionSettings.PdRequest> pds) {
        String iface = config.dhcp4o6_interface() == null ? "" : config.dhcp4o6_interface().strip();
        String[] codes = config.dhcp4o6_options() == null ? new String[0] : config.dhcp4o6_options();
        if (!config.dhcp4o6_enabled()) return Optional.empty();
        if (config.stateless()) throw new IllegalArgumentException("prefixd.dhcp6: dhcp4o6.enabled needs a stateful session (RFC 7341 §5: option 88 comes with a lease): set stateless = false");
        Optional<InterfaceName> target = Optional.empty();
        if (!iface.isEmpty()) {
            String problem = InterfaceName.problemWith(iface);
            if (problem != null) throw new IllegalArgumentException("prefixd.dhcp6: dhcp4o6.interface: " + problem);
            target = Optional.of(InterfaceName.of(iface));
        }
        List<Integer> options = new ArrayList<>();
        for (String text : codes) {
            if (text.isBlank()) continue;
            int code = text.strip().matches("[0-9]{1,3}") ? Integer.parseInt(text.strip()) : -1;
            if (code < 1 || code > 254) throw new IllegalArgumentException("prefixd.dhcp6: dhcp4o6.options: " + text.strip() + " is not a DHCPv4 option code (1..254)");
            if (!options.contains(code)) options.add(code);
        }
        long iaid = na.orElse(pds.isEmpty() ? 0L : pds.get(0).iaid());
        return Optional.of(new FourOverSix(target, options, iaid));
    }

    /** Options the session writes itself: a raw copy would duplicate or contradict them. */
    private static final Set<Integer> CLIENT_WRITTEN = Set.of(OptionCodes.CLIENTID, OptionCodes.SERVERID, OptionCodes.IA_NA, OptionCodes.IA_TA,
            OptionCodes.IAADDR, OptionCodes.ORO, OptionCodes.PREFERENCE, OptionCodes.ELAPSED_TIME, OptionCodes.RELAY_MSG, OptionCodes.AUTH,
            OptionCodes.UNICAST, OptionCodes.STATUS_CODE, OptionCodes.RAPID_COMMIT, OptionCodes.RECONF_MSG, OptionCodes.IA_PD, OptionCodes.IAPREFIX,
            OptionCodes.PD_EXCLUDE);

    private static Optional<Duid> preferred(String hex) {
        if (hex == null || hex.isBlank()) return Optional.empty();
        try {
            return Optional.of(Duid.fromHex(hex.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("prefixd.dhcp6: prefer.server: " + e.getMessage());
        }
    }

    private static List<Integer> requested(String[] codes) {
        List<Integer> out = new ArrayList<>();
        for (String text : codes == null ? new String[0] : codes) {
            if (text.isBlank()) continue;
            int code = text.strip().matches("[0-9]{1,5}") ? Integer.parseInt(text.strip()) : -1;
            if (code < 1 || code > 0xffff) throw new IllegalArgumentException("prefixd.dhcp6: request.options: " + text.strip() + " is not an option code (1..65535)");
            if (!out.contains(code)) out.add(code);
        }
        return out;
    }

    private static List<RawOption> extra(String[] entries) {
        List<RawOption> out = new ArrayList<>();
        for (String entry : entries == null ? new String[0] : entries) {
            if (entry.isBlank()) continue;
            int colon = entry.indexOf(':');
            try {
                if (colon < 1) throw new IllegalArgumentException("no code before ':'");
                int code = Integer.parseInt(entry.substring(0, colon).trim());
                if (code < 1 || code > 0xffff) throw new IllegalArgumentException(code + " is not an option code (1..65535)");
                if (CLIENT_WRITTEN.contains(code)) throw new IllegalArgumentException(OptionCodes.name(code) + " (" + code + ") is written by the client itself");
                out.add(RawOption.fromHex(code, entry.substring(colon + 1).trim()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("prefixd.dhcp6: send.options: '" + entry + "' is not code:hex (" + e.getMessage() + ")");
            }
        }
        return out;
    }

    private static java.time.Duration grace(long seconds) {
        if (seconds < 0 || seconds > 86400) throw new IllegalArgumentException("prefixd.dhcp6: link.lost.grace: " + seconds + " is not in 0..86400");
        return java.time.Duration.ofSeconds(seconds);
    }

    /** The DUID-UUID made at the first start and kept for ever after (RFC 8415 §11: a DUID must not change). */
    static Duid storedDuid(Path stateDir, java.util.function.Consumer<String> damaged) throws IOException {
        Path file = stateDir.resolve("duid");
        if (Files.exists(file)) {
            String text = Files.size(file) > 2 * (2 + 128) + 2 ? "(too large)" : Files.readString(file, StandardCharsets.ISO_8859_1).trim();
            try {
                return Duid.fromHex(text);
            } catch (IllegalArgumentException e) {
                // No DHCPv6 at all would be worse than a new DUID (the server sees a new client once).
                damaged.accept("the DUID file " + file + " is damaged (" + e.getMessage() + "): a new DUID is made; " + AtomicFile.setAside(file));
            }
        }
        Duid fresh = new Duid.Uuid(UUID.randomUUID());
        Files.createDirectories(stateDir);
        AtomicFile.write(file, (fresh.bytes().hex() + "\n").getBytes(StandardCharsets.US_ASCII));
        return fresh;
    }
}
