package org.prefixd.link;

import java.net.Inet6Address;
import java.util.Objects;
import java.util.Optional;

/**
 * One IPv6 address the kernel holds on an interface.
 *
 * @param local the address itself
 * @param peer the peer address of a point-to-point address (ppp), when set
 * @param tentative duplicate address detection has not finished: the address cannot be bound
 * @param dadFailed duplicate address detection failed: the address is unusable
 */
public record KernelAddress(Inet6Address local, Optional<Inet6Address> peer, boolean tentative, boolean dadFailed) {
    public KernelAddress {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(peer, "peer");
    }

    public boolean isUsableLinkLocal() {
        return local.isLinkLocalAddress() && !tentative && !dadFailed;
    }
}
