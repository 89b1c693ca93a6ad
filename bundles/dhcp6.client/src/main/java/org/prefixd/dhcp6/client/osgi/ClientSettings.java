package org.prefixd.dhcp6.client.osgi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.prefixd.api.InterfaceName;
import org.prefixd.dhcp6.client.SessionSettings;
import org.prefixd.dhcp6.codec.Duid;

/** A {@link ClientConfig} checked once; every bad value fails here with the property named. */
record ClientSettings(InterfaceName link, SessionSettings session, boolean acceptAnySourcePort, java.time.Duration linkLostGrace,
                      boolean releaseOnStop) {
    static ClientSettings from(ClientConfig config, Path stateDir) throws IOException {
        String problem = InterfaceName.problemWith(config.link());
        if (problem != null) throw new IllegalArgumentException("prefixd.dhcp6: link: " + problem);
        Duid duid;
        if (config.duid() == null || config.duid().isBlank()) {
            duid = storedDuid(stateDir);
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
                int hint = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
                if (parts.length > 2) throw new IllegalArgumentException("more than IAID/length");
                pds.add(new SessionSettings.PdRequest(iaid, hint, Optional.empty()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("prefixd.dhcp6: iapd: '" + entry + "' is not IAID or IAID/prefix-length (" + e.getMessage() + ")");
            }
        }
        Optional<Long> na = config.iana() < 0 ? Optional.empty() : Optional.of(config.iana());
        if (config.stateless()) {
            if (na.isPresent() || !pds.isEmpty())
                throw new IllegalArgumentException("prefixd.dhcp6: stateless = true asks for no address and no prefix: set iana = -1 and iapd empty");
        } else if (na.isEmpty() && pds.isEmpty()) {
            throw new IllegalArgumentException("prefixd.dhcp6: neither iana nor iapd asks for anything (or set stateless = true)");
        }
        return new ClientSettings(InterfaceName.of(config.link()), new SessionSettings(duid, na, pds, config.rapid_commit(),
                config.first_solicit_delay(), List.of(), List.of(), Optional.empty(), config.stateless()), config.accept_any_source_port(),
                grace(config.link_lost_grace()), config.release_on_stop());
    }

    private static java.time.Duration grace(long seconds) {
        if (seconds < 0 || seconds > 86400) throw new IllegalArgumentException("prefixd.dhcp6: link.lost.grace: " + seconds + " is not in 0..86400");
        return java.time.Duration.ofSeconds(seconds);
    }

    /** The DUID-UUID made at the first start and kept for ever after (RFC 8415 §11: a DUID must not change). */
    static Duid storedDuid(Path stateDir) throws IOException {
        Path file = stateDir.resolve("duid");
        if (Files.exists(file)) return Duid.fromHex(Files.readString(file, StandardCharsets.US_ASCII).trim());
        Duid fresh = new Duid.Uuid(UUID.randomUUID());
        Files.createDirectories(stateDir);
        Path temporary = stateDir.resolve(".duid.tmp");
        Files.writeString(temporary, fresh.bytes().hex() + "\n", StandardCharsets.US_ASCII);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return fresh;
    }
}
