package org.prefixd.radvd;

import java.net.Inet6Address;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.prefixd.api.InterfaceName;
import org.prefixd.api.LanPrefix;
import org.prefixd.api.LanSettings;
import org.prefixd.api.WanLease;

/**
 * From the services to what radvd advertises: each LAN that advertises and has a prefix, with its /64 subnets
 * (deprecated ones with their preferred lifetime over), its flags and MTU, and its DNS servers
 * and domains from its settings or from the WAN leases its subnets come from. Pure.
 */
public final class Adverts {
    private Adverts() {
    }

    public static List<LanAdvert> of(List<LanSettings> lans, List<LanPrefix> prefixes, List<WanLease> leases) {
        List<LanAdvert> out = new ArrayList<>();
        for (LanSettings lan : lans) {
            if (!lan.advertise()) continue;
            List<LanAdvert.PrefixAdvert> mine = new ArrayList<>();
            Set<InterfaceName> wans = new LinkedHashSet<>();
            for (LanPrefix p : prefixes) {
                if (!p.lan().equals(lan.lan()) || p.subnet().length() != 64) continue;
                Instant preferred = p.deprecated() ? Instant.EPOCH : p.preferredUntil();
                mine.add(new LanAdvert.PrefixAdvert(p.subnet(), preferred.isAfter(p.validUntil()) ? p.validUntil() : preferred, p.validUntil()));
                if (!p.deprecated()) wans.add(p.from().link());
            }
            if (mine.isEmpty()) continue; // nothing to advertise: no RA that would make the router a default route for nothing
            Set<Inet6Address> dns = new LinkedHashSet<>();
            Set<String> domains = new LinkedHashSet<>();
            switch (lan.dns()) {
                case FIXED -> {
                    dns.addAll(lan.fixedDns());
                    domains.addAll(lan.fixedDomains());
                }
                case LEASE -> {
                    for (WanLease l : leases) {
                        if (!wans.contains(l.link())) continue;
                        dns.addAll(l.dnsServers());
                        domains.addAll(l.domains());
                    }
                }
                case NONE -> { }
            }
            out.add(new LanAdvert(lan.lan(), mine, lan.managed(), lan.otherConfig(), List.copyOf(dns), List.copyOf(domains), lan.mtu()));
        }
        return out;
    }
}
