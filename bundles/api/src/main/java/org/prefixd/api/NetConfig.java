package org.prefixd.api;

import java.net.Inet6Address;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The only way prefixd changes the system's network configuration. Every call is idempotent
 * (setting what is already set succeeds, removing what is gone succeeds) and reports failures
 * with what the system said.
 */
@ProviderType
public interface NetConfig {
    /** Adds or updates an address with its lifetimes (seconds; 0xffffffff is forever) on an interface. */
    void setAddress(InterfaceName dev, Inet6Address address, int prefixLength, long preferredSeconds, long validSeconds)
            throws NetConfigException;

    void removeAddress(InterfaceName dev, Inet6Address address, int prefixLength) throws NetConfigException;

    /** What the kernel says of an address on an interface (RFC 4862 duplicate address detection included). */
    enum AddressState {
        /** Assigned and usable. */
        PRESENT,
        /** Duplicate address detection is still running. */
        TENTATIVE,
        /** Duplicate address detection found another node using it (the kernel keeps it marked dadfailed). */
        DUPLICATE,
        /**
         * The interface works (it has its link-local address) but not this address: the kernel
         * deletes an address with finite lifetimes when duplicate address detection fails.
         */
        ABSENT,
        /** The interface has no usable IPv6 (down, or its link-local still tentative): nothing can be said. */
        NO_LINK
    }

    AddressState addressState(InterfaceName dev, Inet6Address address) throws NetConfigException;

    /** An unreachable route for a delegated prefix, so traffic to unassigned parts of it never loops back to the ISP (RFC 7084 WPD-5). */
    void setUnreachableRoute(Prefix prefix) throws NetConfigException;

    void removeUnreachableRoute(Prefix prefix) throws NetConfigException;
}
