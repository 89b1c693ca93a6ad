package org.prefixd.dhcp6.server.osgi;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.prefixd.api.InterfaceName;
import org.prefixd.api.Ipv6Text;
import org.prefixd.dhcp6.codec.Duid;
import org.prefixd.dhcp6.server.InterfaceIds;
import org.prefixd.dhcp6.server.MacAddress;
import org.prefixd.dhcp6.server.ServerSettings;

/** A {@link LanServerConfig} checked once: every bad value fails here with the property named. */
record ServerSetup(InterfaceName lan, ServerSettings.Mode mode, ServerSettings.Assign assign, Map<String, Long> reservations, boolean rapidCommit,
                   Duration leaseTime, Optional<String> bootUrl, int ratePerSource, int ratePerLan, java.util.OptionalInt delegate, Map<String, String> names) {
    static ServerSetup from(LanServerConfig c) {
        String problem = InterfaceName.problemWith(c.lan());
        if (problem != null) throw new IllegalArgumentException("prefixd.lan: lan: " + problem);
        ServerSettings.Mode mode = switch (c.dhcpv6() == null ? "off" : c.dhcpv6().strip()) {
            case "off" -> ServerSettings.Mode.OFF;
            case "stateless" -> ServerSettings.Mode.STATELESS;
            case "stateful" -> ServerSettings.Mode.STATEFUL;
            default -> throw new IllegalArgumentException("prefixd.lan: dhcpv6: '" + c.dhcpv6() + "' is not off, stateless or stateful");
        };
        ServerSettings.Assign assign = switch (c.dhcpv6_assign() == null ? "by-mac" : c.dhcpv6_assign().strip()) {
            case "by-mac" -> ServerSettings.Assign.BY_MAC;
            case "by-duid" -> ServerSettings.Assign.BY_DUID;
            default -> throw new IllegalArgumentException("prefixd.lan: dhcpv6.assign: '" + c.dhcpv6_assign() + "' is not by-mac or by-duid");
        };
        Map<String, Long> reservations = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (String entry : c.dhcpv6_reservations() == null ? new String[0] : c.dhcpv6_reservations()) {
            if (entry.isBlank()) continue;
            int eq = entry.indexOf('=');
            try {
                if (eq < 1) throw new IllegalArgumentException("no '=' between the client and ::id or a name");
                String who = entry.substring(0, eq).strip();
                String key = who.contains(":") || who.contains("-") ? MacAddress.parse(who).text() : Duid.fromHex(who).bytes().hex();
                String[] what = entry.substring(eq + 1).strip().split("\\s+");
                if (what.length > 2 || what[0].isEmpty()) throw new IllegalArgumentException("give ::id, a host name, or both");
                for (String part : what) {
                    if (part.contains(":")) {
                        if (reservations.containsKey(key)) throw new IllegalArgumentException("two ids");
                        long iid = interfaceId(part);
                        if (reservations.containsValue(iid)) throw new IllegalArgumentException("::" + Long.toHexString(iid) + " is reserved twice");
                        reservations.put(key, iid);
                    } else {
                        if (!org.prefixd.api.HostName.valid(part) || part.endsWith(".")) throw new IllegalArgumentException("'" + part + "' is not ::id nor a host name");
                        if (names.containsKey(key)) throw new IllegalArgumentException("two names");
                        if (names.containsValue(part.toLowerCase(java.util.Locale.ROOT))) throw new IllegalArgumentException("the name " + part + " is reserved twice");
                        names.put(key, part.toLowerCase(java.util.Locale.ROOT));
                    }
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("prefixd.lan: dhcpv6.reservations: '" + entry.strip() + "': " + e.getMessage());
            }
        }
        if (c.dhcpv6_lease_time() < 60 || c.dhcpv6_lease_time() > 604800)
            throw new IllegalArgumentException("prefixd.lan: dhcpv6.lease.time: " + c.dhcpv6_lease_time() + " is not in 60..604800");
        Optional<String> boot = Optional.empty();
        String url = c.dhcpv6_boot_url() == null ? "" : c.dhcpv6_boot_url().strip();
        if (!url.isEmpty()) {
            // printable URL characters only: it goes on the wire as the owner wrote it, with the MAC put in
            if (!url.matches("[A-Za-z][A-Za-z0-9+.-]*://[A-Za-z0-9._~:/?#\\[\\]@!$&'()*+,;=%{}-]{1,200}"))
                throw new IllegalArgumentException("prefixd.lan: dhcpv6.boot.url: '" + url + "' is not a URL");
            boot = Optional.of(url);
        }
        if (c.dhcpv6_rate_per_source() < 1 || c.dhcpv6_rate_per_source() > 100000)
            throw new IllegalArgumentException("prefixd.lan: dhcpv6.rate.per.source: " + c.dhcpv6_rate_per_source() + " is not in 1..100000");
        if (c.dhcpv6_rate_per_lan() < 1 || c.dhcpv6_rate_per_lan() > 100000)
            throw new IllegalArgumentException("prefixd.lan: dhcpv6.rate.per.lan: " + c.dhcpv6_rate_per_lan() + " is not in 1..100000");
        if (c.delegate() < 0 || c.delegate() > 64) throw new IllegalArgumentException("prefixd.lan: delegate: " + c.delegate() + " is not a prefix length in 1..64 (0: none)");
        if (c.delegate() > 0 && mode == ServerSettings.Mode.OFF)
            throw new IllegalArgumentException("prefixd.lan: delegate: " + c.delegate() + " needs dhcpv6 = stateless or stateful (the server that delegates)");
        return new ServerSetup(InterfaceName.of(c.lan()), mode, assign, reservations, c.dhcpv6_rapid_commit(), Duration.ofSeconds(c.dhcpv6_lease_time()), boot,
                c.dhcpv6_rate_per_source(), c.dhcpv6_rate_per_lan(), c.delegate() == 0 ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(c.delegate()), names);
    }

    /** "::10": an interface identifier in ::2 to ::ffff. */
    private static long interfaceId(String text) {
        byte[] id = Ipv6Text.parse(text).getAddress();
        long iid = 0;
        for (int i = 0; i < 16; i++) {
            if (i < 8 && id[i] != 0) throw new IllegalArgumentException("the id has bits in the upper 64 (write it as ::10)");
            if (i >= 8) iid = (iid << 8) | (id[i] & 0xff);
        }
        if (iid < 2 || iid >= InterfaceIds.RESERVED_BELOW) throw new IllegalArgumentException("::" + Long.toHexString(iid) + " is not in ::2 to ::ffff");
        return iid;
    }

    ServerSettings settings(Duid serverDuid) {
        return new ServerSettings(mode, assign, reservations, rapidCommit, leaseTime, bootUrl, serverDuid, delegate, names);
    }
}
