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

    /** An unreachable route for a delegated prefix, so traffic to unassigned parts of it never loops back to the ISP (RFC 7084 WPD-5). */
    void setUnreachableRoute(Prefix prefix) throws NetConfigException;

    void removeUnreachableRoute(Prefix prefix) throws NetConfigException;
}
