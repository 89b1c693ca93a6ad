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
 * and domains from its settings or from the WAN leases its subnets come from, LANs and prefixes
 * in name order, so equal inputs give equal adverts. Pure. A deprecated prefix has a preferred
 * lifetime that ended at the epoch.
 */
public final class Adverts {
    private Adverts() {
    }

    /**
     * Whether {@code after} advertises the same as {@code before} but for lifetimes that end
     * later (the renewal of a lease): radvd, counting down from {@code before}, then promises
     * less than it could, never more, so a rewrite can wait.
     */
    public static boolean onlyLonger(List<LanAdvert> before, List<LanAdvert> after) {
        if (before.size() != after.size()) return false;
        for (int i = 0; i < before.size(); i++) {
            LanAdvert b = before.get(i), a = after.get(i);
            if (!b.lan().equals(a.lan()) || b.managed() != a.managed() || b.otherConfig() != a.otherConfig() || !b.dnsServers().equals(a.dnsServers())
                    || !b.domains().equals(a.domains()) || !b.mtu().equals(a.mtu()) || b.prefixes().size() != a.prefixes().size()) return false;
            for (int k = 0; k < b.prefixes().size(); k++) {
                LanAdvert.PrefixAdvert pb = b.prefixes().get(k), pa = a.prefixes().get(k);
                if (!pb.prefix().equals(pa.prefix()) || pa.validUntil().isBefore(pb.validUntil()) || pa.preferredUntil().isBefore(pb.preferredUntil()))
                    return false;
                if (pb.preferredUntil().equals(Instant.EPOCH) != pa.preferredUntil().equals(Instant.EPOCH)) return false; // deprecated or not
            }
        }
        return true;
    }

    /**
     * Whether {@code after} leaves out something {@code before} advertised: a LAN, a prefix, a
     * DNS server or a domain. (What a bundle update does for a moment, so the writer waits.)
     */
    public static boolean drops(List<LanAdvert> before, List<LanAdvert> after) {
        for (LanAdvert b : before) {
            LanAdvert a = after.stream().filter(x -> x.lan().equals(b.lan())).findFirst().orElse(null);
            if (a == null) return true;
            for (LanAdvert.PrefixAdvert p : b.prefixes())
                if (a.prefixes().stream().noneMatch(x -> x.prefix().equals(p.prefix()))) return true;
            if (!a.dnsServers().containsAll(b.dnsServers()) || !a.domains().containsAll(b.domains())) return true;
        }
        return false;
    }

    public static List<LanAdvert> of(List<LanSettings> lans, List<LanPrefix> prefixes, List<WanLease> leases) {
        List<LanAdvert> out = new ArrayList<>();
        List<LanSettings> byName = new ArrayList<>(lans);
        byName.sort(java.util.Comparator.comparing(l -> l.lan().value()));
        for (LanSettings lan : byName) {
            if (!lan.advertise()) continue;
            List<LanAdvert.PrefixAdvert> mine = new ArrayList<>();
            Set<InterfaceName> wans = new LinkedHashSet<>();
            for (LanPrefix p : prefixes) {
                if (!p.lan().equals(lan.lan()) || p.subnet().length() != 64) continue;
                Instant preferred = p.deprecated() ? Instant.EPOCH : p.preferredUntil();
                mine.add(new LanAdvert.PrefixAdvert(p.subnet(), preferred.isAfter(p.validUntil()) ? p.validUntil() : preferred, p.validUntil()));
                if (!p.deprecated()) wans.add(p.from().link());
            }
            mine.sort(java.util.Comparator.comparing(x -> x.prefix().toString()));
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
