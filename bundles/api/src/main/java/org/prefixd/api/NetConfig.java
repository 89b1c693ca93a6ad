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

    /** Adds or updates an IPv4 address (DHCPv4 over DHCPv6) with its lease's remaining time as valid and preferred lifetime. */
    default void setAddress4(InterfaceName dev, java.net.Inet4Address address, int prefixLength, long validSeconds) throws NetConfigException {
        throw new NetConfigException("IPv4 addresses are not supported by this NetConfig");
    }

    default void removeAddress4(InterfaceName dev, java.net.Inet4Address address, int prefixLength) throws NetConfigException {
        throw new NetConfigException("IPv4 addresses are not supported by this NetConfig");
    }

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

    /** A route to a prefix delegated to a router on a LAN, via its link-local address, gone by itself after {@code validSeconds}. */
    default void setRoute(Prefix prefix, Inet6Address via, InterfaceName dev, long validSeconds) throws NetConfigException {
        throw new NetConfigException("routes via a next hop are not supported by this NetConfig");
    }

    default void removeRoute(Prefix prefix, Inet6Address via, InterfaceName dev) throws NetConfigException {
        throw new NetConfigException("routes via a next hop are not supported by this NetConfig");
    }
}
