package org.prefixd.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard: the DHCPv6 client tells every registered LeaseListener of each change of its
 * lease on its own thread, once the change is in the kernel, right after it posted the change's
 * prefixd/lease event (so that what a listener posts comes after it) and before it registers the
 * change's services (whose registration runs the LAN side's work on that thread). It
 * saves a listener that acts on every change (the hooks) a hand-off through Event Admin's
 * threads. An implementation returns at once (any work goes to a thread of its own) and throws
 * nothing.
 */
@ConsumerType
public interface LeaseListener {
    /**
     * @param kind the change as the event's topic names it, in lower case: bound, resumed, renewed, rebound, updated, expired, released or informed
     * @param lease the lease after the change (expired and released: the last one held)
     * @param eventId the {@link Topics#PROP_EVENT_ID} of the event posted for the same change
     */
    void leaseChanged(String kind, WanLease lease, String eventId);

    /**
     * A change of the link's IPv4 lease (DHCPv4 over DHCPv6), told as {@link #leaseChanged} is.
     *
     * @param kind bound, resumed, renewed, rebound, expired, released or declined
     * @param lease the lease after the change (expired, released, declined: the last one held)
     * @param eventId the {@link Topics#PROP_EVENT_ID} of the prefixd/lease4 event of the same change
     */
    default void lease4Changed(String kind, WanLease4 lease, String eventId) {
    }
}
