package org.prefixd.hooks;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The environment a script expects: that of the client the owner's scripts were written for. */
public enum HookStyle {
    ODHCP6C(Odhcp6cStyle::calls, Ipv4Styles::odhcp6c),
    WIDE(WideStyle::calls, null),
    DHCLIENT(DhclientStyle::calls, Ipv4Styles::dhclient),
    PREFIXD(PrefixdStyle::calls, Ipv4Styles::prefixd);

    private final Function<HookEvent, List<HookCall>> renderer;
    /** Null for a style whose client has no DHCPv4. */
    private final Function<Hook4Event, List<HookCall>> renderer4;

    HookStyle(Function<HookEvent, List<HookCall>> renderer, Function<Hook4Event, List<HookCall>> renderer4) {
        this.renderer = renderer;
        this.renderer4 = renderer4;
    }

    /** Whether the style has names for the IPv4 lease (WIDE dhcp6c has no DHCPv4). */
    public boolean hasIpv4() {
        return renderer4 != null;
    }

    /** The runs an IPv4 lease event makes; none in a style without IPv4 (which a hook cannot ask for). */
    public List<HookCall> calls(Hook4Event event) {
        return renderer4 == null ? List.of() : renderer4.apply(event);
    }

    /** The runs this event makes: one, or (dhclient) one per address and prefix, or none. */
    public List<HookCall> calls(HookEvent event) {
        return renderer.apply(event);
    }

    /** @throws IllegalArgumentException naming the styles there are */
    public static HookStyle of(String name) {
        for (HookStyle s : values()) if (s.name().equalsIgnoreCase(name.trim())) return s;
        throw new IllegalArgumentException("style " + name + ": not one of odhcp6c, wide, dhclient, prefixd");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
