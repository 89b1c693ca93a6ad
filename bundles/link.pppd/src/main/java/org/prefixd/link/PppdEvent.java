package org.prefixd.link;

import java.net.Inet6Address;
import java.util.Objects;

import org.prefixd.api.InterfaceName;
import org.prefixd.api.LinkLocal;
import org.prefixd.api.PppdSession;

/**
 * pppd ran its ipv6-up or ipv6-down script: validated arguments and environment.
 *
 * @param kind up or down
 * @param name the ppp interface
 * @param session the pppd process, tty, speed and ipparam
 * @param local our link-local address as pppd negotiated it
 * @param remote the peer's link-local address
 */
public record PppdEvent(Kind kind, InterfaceName name, PppdSession session, Inet6Address local, Inet6Address remote) {
    public enum Kind { UP, DOWN }

    public PppdEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(session, "session");
        local = LinkLocal.require(local);
        remote = LinkLocal.require(remote);
    }
}
