package org.prefixd.hooks;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The environment a script expects: that of the client the owner's scripts were written for. */
public enum HookStyle {
    ODHCP6C(Odhcp6cStyle::calls),
    WIDE(WideStyle::calls),
    DHCLIENT(DhclientStyle::calls),
    PREFIXD(PrefixdStyle::calls);

    private final Function<HookEvent, List<HookCall>> renderer;

    HookStyle(Function<HookEvent, List<HookCall>> renderer) {
        this.renderer = renderer;
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
