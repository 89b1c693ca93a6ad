package org.prefixd.dhcp6.client.osgi;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.log.Logger;
import org.prefixd.api.InterfaceName;
import org.prefixd.api.LeaseListener;
import org.prefixd.api.NetConfig;
import org.prefixd.api.NetConfigException;
import org.prefixd.api.Topics;
import org.prefixd.api.WanLease;
import org.prefixd.api.WanLease4;
import org.prefixd.dhcp6.client.Lease4;
import org.prefixd.dhcp6.client.Lease4Event;
import org.prefixd.dhcp6.client.Lease4File;

/**
 * What a change of the IPv4 lease (DHCPv4 over DHCPv6) does, on the client's effects thread: the
 * address on the owner's interface (if one is configured), the prefixd/lease4 event, the
 * listeners (the hooks), the WanLease4 service, then the lease file. An address the router
 * already has on another interface is declined (RFC 2131 §3.1.5 asks the client to check).
 */
final class Lease4Effects {
    private final BundleContext context;
    private final InterfaceName link;
    private final Optional<InterfaceName> iface;
    private final NetConfig net;
    private final EventAdmin events;
    private final List<LeaseListener> listeners;
    private final Path file;
    private final Optional<String> writer;
    private final Supplier<String> eventIds;
    private final Logger log;
    private final Clock clock = Clock.systemUTC();
    /** The address set on an interface, and which, if any: at first, what the lease file says. */
    private Optional<Lease4> onInterface = Optional.empty();
    private Optional<InterfaceName> setOn = Optional.empty();
    private ServiceRegistration<WanLease4> registration;
    private WanLease4 registered;

    Lease4Effects(BundleContext context, InterfaceName link, Optional<InterfaceName> iface, NetConfig net, EventAdmin events,
                  List<LeaseListener> listeners, Path file, Optional<String> writer, Supplier<String> eventIds, Logger log) {
        this.context = context;
        this.link = link;
        this.iface = iface;
        this.net = net;
        this.events = events;
        this.listeners = listeners;
        this.file = file;
        this.writer = writer;
        this.eventIds = eventIds;
        this.log = log;
        try {
            Optional<Lease4File.Stored> kept = Lease4File.read(file);
            if (kept.isPresent() && kept.get().iface().isPresent()) {
                onInterface = Optional.of(kept.get().lease());
                setOn = kept.get().iface();
            }
        } catch (IOException | IllegalArgumentException e) { // the client sets a damaged file aside and says so
            log.debug("{}: {}", link, e.getMessage());
        }
    }

    /**
     * DHCPv4 over DHCPv6 was turned off while a lease was kept: its address leaves the interface
     * it was set on and the file goes (no RELEASE: the DHCPv6 session may be gone; the server's
     * lease runs out).
     */
    static void dropLeftOver(Path file, NetConfig net, InterfaceName link, Logger log) {
        try {
            Optional<Lease4File.Stored> kept = Lease4File.read(file);
            if (kept.isEmpty()) return;
            Lease4 lease = kept.get().lease();
            if (kept.get().iface().isPresent()) net.removeAddress4(kept.get().iface().get(), lease.address(), lease.prefixLength());
            Files.deleteIfExists(file);
            log.info("{}: DHCPv4 over DHCPv6 is off: the IPv4 lease {} kept in {} is dropped{}", link, lease.address().getHostAddress() + "/" + lease.prefixLength(),
                    file, kept.get().iface().map(i -> " and its address removed from " + i).orElse(""));
        } catch (IOException | IllegalArgumentException | NetConfigException e) {
            log.warn("{}: DHCPv4 over DHCPv6 is off, but the IPv4 lease in {} could not be dropped: {}", link, file, e.getMessage());
        }
    }

    /**
     * Effects thread.
     *
     * @param decline called with the reason when the lease's address is in use elsewhere on this router
     */
    void apply(Lease4Event event, Consumer<String> decline) {
        Lease4 lease = event.lease();
        boolean gone = event.kind() == Lease4Event.Kind.EXPIRED || event.kind() == Lease4Event.Kind.RELEASED || event.kind() == Lease4Event.Kind.DECLINED;
        Instant now = clock.instant();
        if (!gone) {
            Optional<String> elsewhere = usedElsewhere(lease.address());
            if (elsewhere.isPresent()) {
                log.warn("{}: the IPv4 address {} is already on {}: declining it", link, lease.address().getHostAddress(), elsewhere.get());
                decline.accept(lease.address().getHostAddress() + " is on " + elsewhere.get());
                return; // the DECLINED event that follows withdraws what an earlier lease set
            }
        }
        // Removed first where it no longer belongs: the lease ended, moved, or the interface setting changed.
        if (onInterface.isPresent() && (gone || !setOn.equals(iface) || !onInterface.get().address().equals(lease.address())
                || onInterface.get().prefixLength() != lease.prefixLength()))
            remove(onInterface.get());
        if (iface.isPresent() && !gone) {
            try {
                net.setAddress4(iface.get(), lease.address(), lease.prefixLength(), Math.max(1, Duration.between(now, lease.validUntil()).getSeconds()));
                onInterface = Optional.of(lease);
                setOn = iface;
            } catch (NetConfigException e) {
                log.error("{}: cannot set the IPv4 address on {}: {}", link, iface.get(), e.getMessage());
            }
        }
        WanLease4 service = wanLease4(link, lease);
        String eventId = eventIds.get();
        Map<String, Object> props = new HashMap<>();
        props.put(Topics.PROP_EVENT_ID, eventId);
        props.put(Topics.PROP_INTERFACE, link.value());
        props.put(Topics.PROP_REASON, event.kind().name().toLowerCase());
        props.put(Topics.PROP_LEASE4, service);
        events.postEvent(new Event(Topics.LEASE4_PREFIX + event.kind().name(), props));
        for (LeaseListener listener : listeners) {
            try {
                listener.lease4Changed(event.kind().name().toLowerCase(), service, eventId);
            } catch (RuntimeException e) {
                log.error("{}: a lease listener failed on the IPv4 lease: {}", link, e.toString());
            }
        }
        register(gone ? Optional.empty() : Optional.of(service), event.kind(), eventId);
        persist(event);
        log.info("{}: IPv4 lease {}: {} from {}{}", link, event.kind().name().toLowerCase(), service.cidr(), lease.server().getHostAddress(),
                iface.map(i -> " (on " + i + ")").orElse(""));
    }

    /** The lease came to an end without an event of the session (the link gone longer than its grace): as if it expired. */
    void dropKept() {
        try {
            Optional<Lease4File.Stored> kept = Lease4File.read(file);
            if (kept.isPresent()) apply(new Lease4Event(Lease4Event.Kind.EXPIRED, kept.get().lease()), why -> { });
        } catch (IOException | IllegalArgumentException e) {
            log.warn("{}: could not drop the IPv4 lease in {}: {}", link, file, e.getMessage());
        }
    }

    /** Effects thread, on deactivation: the service goes; the address and the file stay, as the lease does. */
    void unregister() {
        if (registration != null) registration.unregister();
        registration = null;
    }

    private void remove(Lease4 old) {
        try {
            net.removeAddress4(setOn.orElseThrow(), old.address(), old.prefixLength());
        } catch (NetConfigException e) {
            log.error("{}: cannot remove the IPv4 address from {}: {}", link, setOn.orElseThrow(), e.getMessage());
        }
        onInterface = Optional.empty();
        setOn = Optional.empty();
    }

    private void register(Optional<WanLease4> next, Lease4Event.Kind kind, String eventId) {
        Dictionary<String, Object> props = next.map(WanLease4::serviceProperties).orElse(null);
        if (props != null) {
            props.put(WanLease.PROP_EVENT, kind.name().toLowerCase());
            props.put(WanLease.PROP_EVENT_ID, eventId);
        }
        if (registration != null && next.isPresent() && next.get().equals(registered)) {
            registration.setProperties(props);
            return;
        }
        unregister();
        registered = next.orElse(null);
        if (next.isPresent()) registration = context.registerService(WanLease4.class, next.get(), props);
    }

    private void persist(Lease4Event event) {
        try {
            switch (event.kind()) {
                // unchanged, and its file must go on naming the prefixd that last heard from the server (unless the interface changed)
                case RESUMED -> {
                    Optional<Lease4File.Stored> kept = Lease4File.read(file);
                    if (kept.isPresent() && !kept.get().iface().equals(setOn)) Lease4File.write(file, event.lease(), kept.get().writtenBy(), setOn);
                }
                case EXPIRED, RELEASED, DECLINED -> Files.deleteIfExists(file);
                default -> Lease4File.write(file, event.lease(), writer, setOn);
            }
        } catch (IOException | IllegalArgumentException e) {
            log.error("{}: could not write the IPv4 lease file {}: {} (the lease stays in use; a restart will DISCOVER)", link, file, e.toString());
        }
    }

    /** An interface other than those this client sets the address on that already has it, if any. */
    private Optional<String> usedElsewhere(Inet4Address address) {
        try {
            var all = NetworkInterface.getNetworkInterfaces();
            while (all.hasMoreElements()) {
                NetworkInterface nif = all.nextElement();
                // where it goes, and where this client set it before (a changed setting moves it)
                if (iface.isPresent() && nif.getName().equals(iface.get().value())) continue;
                if (setOn.isPresent() && nif.getName().equals(setOn.get().value())) continue;
                for (var addresses = nif.getInetAddresses(); addresses.hasMoreElements(); ) {
                    InetAddress a = addresses.nextElement();
                    if (a.equals(address)) return Optional.of(nif.getName());
                }
            }
        } catch (SocketException e) {
            log.warn("{}: cannot list the interfaces: {}", link, e.getMessage());
        }
        return Optional.empty();
    }

    static WanLease4 wanLease4(InterfaceName link, Lease4 l) {
        return new WanLease4(link, l.server(), l.address(), l.prefixLength(), l.routers(), l.dnsServers(), l.renewAt(), l.rebindAt(), l.validUntil(), l.options());
    }
}
