package org.prefixd.pd.osgi;

import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

import org.prefixd.api.InterfaceName;
import org.prefixd.api.Ipv6Text;
import org.prefixd.api.LanSettings;
import org.prefixd.pd.LanRequest;

/** A {@link LanConfig} checked once: every bad value fails here with the property named. */
record LanSetup(LanRequest request, Inet6Address interfaceId, LanSettings settings) {
    static LanSetup from(LanConfig c) {
        InterfaceName lan = name(c.lan(), "lan");
        if (c.assign() < 1 || c.assign() > 64) throw new IllegalArgumentException("prefixd.lan: assign: /" + c.assign() + " is not in /1../64");
        OptionalLong hint = OptionalLong.empty();
        if (c.hint() != null && !c.hint().isBlank()) {
            if (!c.hint().strip().matches("[0-9a-fA-F]{1,12}")) throw new IllegalArgumentException("prefixd.lan: hint: '" + c.hint() + "' is not a hex number");
            hint = OptionalLong.of(Long.parseLong(c.hint().strip(), 16));
        }
        Inet6Address id;
        try {
            id = Ipv6Text.parse(c.ifaceid());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("prefixd.lan: ifaceid: " + e.getMessage());
        }
        byte[] b = id.getAddress();
        for (int i = 0; i < 8; i++) if (b[i] != 0) throw new IllegalArgumentException("prefixd.lan: ifaceid: " + c.ifaceid() + " has bits in the upper 64 (write it as ::1)");
        boolean nonZero = false;
        for (int i = 8; i < 16; i++) nonZero |= b[i] != 0;
        if (!nonZero) throw new IllegalArgumentException("prefixd.lan: ifaceid: :: is the subnet-router anycast address, not an interface id");
        Set<InterfaceName> wans = new LinkedHashSet<>();
        for (String w : c.wan() == null ? new String[0] : c.wan()) if (!w.isBlank()) wans.add(name(w.strip(), "wan"));
        LanSettings.DnsSource dns = switch (c.dns() == null ? "" : c.dns().strip()) {
            case "lease" -> LanSettings.DnsSource.LEASE;
            case "fixed" -> LanSettings.DnsSource.FIXED;
            case "none" -> LanSettings.DnsSource.NONE;
            default -> throw new IllegalArgumentException("prefixd.lan: dns: '" + c.dns() + "' is not lease, fixed or none");
        };
        List<Inet6Address> servers = new ArrayList<>();
        for (String s : c.dns_servers() == null ? new String[0] : c.dns_servers()) {
            if (s.isBlank()) continue;
            try {
                servers.add(Ipv6Text.parse(s.strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("prefixd.lan: dns.servers: " + e.getMessage());
            }
        }
        List<String> domains = new ArrayList<>();
        for (String d : c.dns_domains() == null ? new String[0] : c.dns_domains()) if (!d.isBlank()) domains.add(d.strip());
        if (c.mtu() != 0 && (c.mtu() < 1280 || c.mtu() > 65535)) throw new IllegalArgumentException("prefixd.lan: mtu: " + c.mtu() + " is not 0 or 1280..65535");
        LanSettings settings;
        try {
            // the DHCPv6 server's mode sets the RA's flags: M for addresses, O for other information
            String dhcpv6 = c.dhcpv6() == null ? "off" : c.dhcpv6().strip();
            if (!List.of("off", "stateless", "stateful").contains(dhcpv6))
                throw new IllegalArgumentException("dhcpv6: '" + c.dhcpv6() + "' is not off, stateless or stateful");
            settings = new LanSettings(lan, c.advertise(), c.managed() || dhcpv6.equals("stateful"), c.other() || !dhcpv6.equals("off"), dns, servers, domains,
                    c.mtu() == 0 ? OptionalInt.empty() : OptionalInt.of(c.mtu()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("prefixd.lan: " + e.getMessage());
        }
        Set<Long> iaids = new LinkedHashSet<>();
        for (String text : c.iapd() == null ? new String[0] : c.iapd()) {
            if (text.isBlank()) continue;
            long iaid = -1;
            if (text.strip().matches("[0-9]{1,10}")) iaid = Long.parseLong(text.strip());
            if (iaid < 0 || iaid > 0xffffffffL) throw new IllegalArgumentException("prefixd.lan: iapd: '" + text.strip() + "' is not an IAID (0..4294967295)");
            iaids.add(iaid);
        }
        return new LanSetup(new LanRequest(lan, c.assign(), hint, wans, iaids), id, settings);
    }

    private static InterfaceName name(String value, String property) {
        String problem = InterfaceName.problemWith(value);
        if (problem != null) throw new IllegalArgumentException("prefixd.lan: " + property + ": " + problem);
        return InterfaceName.of(value);
    }
}
