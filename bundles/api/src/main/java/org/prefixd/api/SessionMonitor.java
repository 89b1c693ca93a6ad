package org.prefixd.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The DHCPv6 client's view of its sessions, for status displays. */
@ProviderType
public interface SessionMonitor {
    List<SessionStatus> sessions();
}
