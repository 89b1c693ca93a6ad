package org.prefixd.link;

import org.prefixd.api.WanLink;

/** What the shell must do with the WanLink service after a decision of the {@link LinkTracker}. */
public sealed interface LinkChange {
    String reason();

    /** Register a WanLink: the link carries IPv6 now. */
    record Up(WanLink link, String reason) implements LinkChange {
    }

    /** Replace the registered WanLink's details (another peer, another pppd session). */
    record Changed(WanLink link, String reason) implements LinkChange {
    }

    /**
     * Keep the WanLink, but say the link came back from a flap inside the debounce: the kernel
     * removes the IPv6 addresses of an interface set down, so what was set on it may be gone.
     */
    record Returned(WanLink link, String reason) implements LinkChange {
    }

    /** Withdraw the WanLink: the link stayed unusable for the whole debounce. */
    record Down(WanLink link, String reason) implements LinkChange {
    }
}
