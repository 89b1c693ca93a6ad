package org.prefixd.link.osgi;

import java.time.Duration;

import org.prefixd.api.InterfaceName;
import org.prefixd.api.LinkMode;

/** A {@link LinkConfig} checked once: every bad value fails here, with the property named. */
record LinkSettings(InterfaceName name, LinkMode mode, Duration debounce) {
    static LinkSettings from(LinkConfig config) {
        String problem = InterfaceName.problemWith(config.interface$());
        if (problem != null) throw new IllegalArgumentException("prefixd.link: interface: " + problem);
        LinkMode mode;
        try {
            mode = LinkMode.fromKey(config.mode());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("prefixd.link: mode: " + e.getMessage());
        }
        double seconds = config.debounce();
        if (!(seconds >= 0 && seconds <= 3600))
            throw new IllegalArgumentException("prefixd.link: debounce: " + seconds + " is not between 0 and 3600 seconds");
        return new LinkSettings(InterfaceName.of(config.interface$()), mode, Duration.ofMillis(Math.round(seconds * 1000)));
    }
}
