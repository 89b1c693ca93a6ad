package org.prefixd.api;

import java.net.Inet6Address;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Objects;
import java.util.Optional;

/**
 * A WAN link that can carry IPv6 now: it has carrier and a usable (non-tentative) link-local
 * address. Registered as an OSGi service while that holds; its absence is "link down".
 *
 * @param name interface name, e.g. ppp0
 * @param index kernel interface index
 * @param local our link-local address on the link
 * @param peer the peer's link-local address, when known (pppd tells it)
 * @param mode how the link is watched
 * @param pppd the pppd session, in pppd mode
 */
public record WanLink(InterfaceName name, int index, Inet6Address local, Optional<Inet6Address> peer,
                      LinkMode mode, Optional<PppdSession> pppd) {
    /** Service property: the interface name (String). */
    public static final String PROP_INTERFACE = "prefixd.interface";
    /** Service property: the kernel interface index (Integer). */
    public static final String PROP_INDEX = "prefixd.ifindex";
    /** Service property: our link-local address (String). */
    public static final String PROP_LOCAL = "prefixd.local";
    /** Service property: the peer's link-local address (String), when known. */
    public static final String PROP_PEER = "prefixd.peer";
    /** Service property: pppd or ethernet. */
    public static final String PROP_MODE = "prefixd.mode";
    /** Service property: the pppd process id (Long), in pppd mode when known. */
    public static final String PROP_PPPD_PID = "prefixd.pppd.pid";
    /**
     * Service property (Long), changed on the registered service: how often the link came back
     * from a flap shorter than the debounce since it was registered. The kernel removes the
     * IPv6 addresses of an interface that is set down, so a user of the link sets its own again.
     */
    public static final String PROP_RETURNS = "prefixd.link.returns";

    public WanLink {
        Objects.requireNonNull(name, "name");
        if (index <= 0) throw new IllegalArgumentException("interface index " + index + " is not positive");
        local = LinkLocal.require(local);
        peer = Objects.requireNonNull(peer, "peer").map(LinkLocal::require);
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(pppd, "pppd");
    }

    /** The service properties that describe this link. */
    public Dictionary<String, Object> serviceProperties() {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(PROP_INTERFACE, name.value());
        props.put(PROP_INDEX, index);
        props.put(PROP_LOCAL, LinkLocal.format(local));
        peer.ifPresent(p -> props.put(PROP_PEER, LinkLocal.format(p)));
        props.put(PROP_MODE, mode.key());
        pppd.ifPresent(s -> props.put(PROP_PPPD_PID, s.pid()));
        return props;
    }
}
