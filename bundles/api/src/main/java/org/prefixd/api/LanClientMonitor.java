package org.prefixd.api;

import java.util.List;

/** The clients of a LAN's DHCPv6 server (one service per served LAN). */
public interface LanClientMonitor {
    /** The bound leases now, in no particular order. */
    List<LanClient> lanClients();
}
