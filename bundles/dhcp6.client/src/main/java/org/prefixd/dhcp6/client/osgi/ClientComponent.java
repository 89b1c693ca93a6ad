package org.prefixd.dhcp6.client.osgi;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.prefixd.api.DelegatedPrefix;
import org.prefixd.api.Directories;
import org.prefixd.api.InterfaceName;
import org.prefixd.api.Ipv6Text;
import org.prefixd.api.LeaseListener;
import org.prefixd.api.NetConfig;
import org.prefixd.api.NetConfigException;
import org.prefixd.api.Prefix;
import org.prefixd.api.SessionControl;
import org.prefixd.api.SessionMonitor;
import org.prefixd.api.SessionStatus;
import org.prefixd.api.Topics;
import org.prefixd.api.WanLease;
import org.prefixd.api.WanLink;
import org.prefixd.api.AtomicFile;
import org.prefixd.dhcp6.client.Dhcp4Session;
import org.prefixd.dhcp6.client.Dhcp4Settings;
import org.prefixd.dhcp6.client.IaBinding;
import org.prefixd.dhcp6.client.Lease4File;
import org.prefixd.dhcp6.codec.Bytes;
import org.prefixd.dhcp6.client.Lease;
import org.prefixd.dhcp6.client.LeaseEvent;
import org.prefixd.dhcp6.client.LeaseFile;
import org.prefixd.dhcp6.client.LeasedAddress;
import org.prefixd.dhcp6.client.LeasedPrefix;
import org.prefixd.dhcp6.client.ServerInformation;
import org.prefixd.dhcp6.client.Session;
import org.prefixd.dhcp6.codec.DomainName;

/**
 * The DHCPv6 client of one WAN link (factory PID prefixd.dhcp6): a session while the link's
 * WanLink exists; the lease's address and unreachable routes through NetConfig; a
 * DelegatedPrefix service per prefix; a prefixd/lease/* event per change.
 */
@Component(configurationPid = "prefixd.dhcp6", configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true, service = {SessionMonitor.class, SessionControl.class})
@Designate(ocd = ClientConfig.class, factory = true)
public final class ClientComponent implements SessionMonitor, SessionControl {
    private final BundleContext context;
    private final NetConfig net;
    private final EventAdmin events;
    private final Logger log;
    private final ClientSettings settings;
    private final Path stateDir;
    private final EventLoopGroup group; // made only once the configuration is valid: it opens a selector
    /** NetConfig runs processes: never on the event loop. */
    private final ExecutorService effects = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "prefixd-dhcp6-effects");
        t.setDaemon(true);
        return t;
    });
    private final Clock clock = Clock.systemUTC();
    /** A DelegatedPrefix service and its registration. */
    private record Registered(DelegatedPrefix service, ServiceRegistration<DelegatedPrefix> registration) {
    }

    private final Map<String, Registered> prefixes = new HashMap<>(); // effects thread
    /** Prefixes the lease stopped holding at its last change, registered as withdrawn until the next change. */
    private final Map<String, ServiceRegistration<DelegatedPrefix>> withdrawn = new HashMap<>(); // effects thread

    /** The WanLease service and its registration. */
    private record RegisteredLease(WanLease service, ServiceRegistration<WanLease> registration) {
    }

    private RegisteredLease leaseService; // effects thread
    /** Lease event ids: this component's start in milliseconds, then a count (effects thread). */
    private final String eventIds = Long.toString(System.currentTimeMillis(), 36);
    private long eventCount;
    private final LeaseStore store;
    private final Map<String, LeasedAddress> addresses = new HashMap<>(); // effects thread
    private LinkClient client; // guarded by this
    private boolean linkLost; // guarded by this: the WanLink went away while this component ran
    private ScheduledFuture<?> drop; // guarded by this
    /** The link-lost grace period and the duplicate address checks. */
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "prefixd-dhcp6-timers");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public ClientComponent(BundleContext context, ClientConfig config, @Reference NetConfig net, @Reference EventAdmin events,
                           @Reference(service = LoggerFactory.class) Logger log) throws IOException {
        this.context = context;
        this.net = net;
        this.events = events;
        this.log = log;
        this.stateDir = Directories.state(context.getProperty(Directories.STATE_PROPERTY));
        try {
            this.settings = ClientSettings.from(config, stateDir, damaged -> log.error("prefixd.dhcp6 {}: {}", config.link(), damaged));
        } catch (RuntimeException e) { // SCR's own report would only say "InvocationTargetException"
            log.error("prefixd.dhcp6 {}: not applied: {}", config.link(), e.getMessage() != null ? e.getMessage() : e.toString());
            throw e;
        }
        this.store = new LeaseStore(leaseFile(), Optional.ofNullable(context.getProperty(org.osgi.framework.Constants.FRAMEWORK_UUID)), timers, effects, log);
        this.group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        if (settings.dhcp4o6().isEmpty()) effects.execute(() -> Lease4Effects.dropLeftOver(lease4File(), net, settings.link(), log));
        log.info("DHCPv6 client for {}: DUID {}", settings.link(), settings.session().clientDuid().bytes().hex());
        Thread warmup = new Thread(() -> {
            try {
                Warmup.run(group, settings.session());
            } catch (Exception | LinkageError e) {
                log.debug("warm-up: {}", e.toString()); // only speed is at stake
            }
        }, "prefixd-dhcp6-warmup");
        warmup.setDaemon(true);
        warmup.start();
    }

    /** Told of each change on the effects thread right after its event is posted (the hooks: one hand-off, no Event Admin thread). */
    private final List<LeaseListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(LeaseListener listener) {
        listeners.add(listener);
        try {
            effects.execute(() -> tellUnheard(listener));
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // deactivated meanwhile: nothing to tell
        }
    }

    /**
     * SCR binds the WanLink before the listeners (references in name order), so a session's first
     * event (a RESUMED after an update) can come before the hook dispatcher is bound: the listener
     * that comes first hears it then (it skips an event id it already took up itself).
     */
    private void tellUnheard(LeaseListener listener) {
        if (lastUnheard.isEmpty() || unheardWanLease == null) return;
        List<LeaseFile.Unheard> missed = new java.util.ArrayList<>();
        boolean resumed = lastUnheard.get().kind().equals("resumed");
        Optional<LeaseFile.Stored> kept = keptAtStart;
        if (resumed && kept.isPresent() && kept.get().unheard().isPresent()) { // the one the file kept from before comes first
            missed.add(kept.get().unheard().get());
            keptAtStart = Optional.empty();
        }
        missed.add(lastUnheard.get());
        for (LeaseFile.Unheard event : missed) {
            log.info("{}: the lease's {} event {} came while no hook dispatcher was bound: told now", settings.link(), event.kind(), event.eventId());
            tell(listener, event.kind(), unheardWanLease, event.eventId());
        }
        // The file names an unheard event for the next start: no longer. An ended lease's file is gone.
        if (resumed && missed.size() > 1) store.rewrite(unheardLease, kept.flatMap(LeaseFile.Stored::writtenBy));
        else if (!List.of("resumed", "expired", "released").contains(lastUnheard.get().kind())) store.save(unheardLease, Optional.empty());
        lastUnheard = Optional.empty();
        unheardLease = null;
        unheardWanLease = null;
    }

    private void tell(LeaseListener listener, String kind, WanLease lease, String eventId) {
        try {
            listener.leaseChanged(kind, lease, eventId);
        } catch (RuntimeException e) { // its bug: the client and the other listeners go on
            log.error("{}: a lease listener failed on {}: {}", settings.link(), kind, e.toString());
        }
    }

    void removeListener(LeaseListener listener) {
        listeners.remove(listener);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, updated = "updatedLink")
    synchronized void bindLink(WanLink link) {
        if (!link.name().equals(settings.link())) return;
        if (client == null && !linkLost) keptAtStart = readKept(); // before the session starts: its RESUMED may come at once
        if (client != null) client.stop();
        if (drop != null) drop.cancel(false);
        client = new LinkClient(link, new Session(settings.session(), Math::random, LinkClient::randomXid), settings.acceptAnySourcePort(),
                leaseFile(), event -> effects.execute(new Runnable() { // a class: a lambda's first call would cost a bootstrap on the Reply's path
                    @Override
                    public void run() {
                        onLease(event);
                        persist(event);
                    }
                }), log, fourOverSixFactory());
        try {
            client.start(group, linkLost, context.getProperty(org.osgi.framework.Constants.FRAMEWORK_UUID));
            log.info("{}: DHCPv6 session started on {}", link.name(), Ipv6Text.format(link.local()));
        } catch (IOException | RuntimeException e) {
            log.error("{}: cannot start the DHCPv6 session: {}", link.name(), e.toString());
            client = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Effects thread: the IPv4 lease's changes; made once the configuration is valid, when DHCPv4 over DHCPv6 is configured. */
    private Lease4Effects lease4;

    /** The DHCPv4-over-DHCPv6 client of a new session, or null when it is not configured. */
    private FourOverSixClient.Factory fourOverSixFactory() {
        if (settings.dhcp4o6().isEmpty()) return null;
        ClientSettings.FourOverSix configured = settings.dhcp4o6().get();
        if (lease4 == null)
            lease4 = new Lease4Effects(context, settings.link(), configured.iface(), net, events, listeners, lease4File(),
                    Optional.ofNullable(context.getProperty(org.osgi.framework.Constants.FRAMEWORK_UUID)), () -> eventIds + "-" + (++eventCount), log);
        return (nif, resume) -> {
            byte[] mac = nif.getHardwareAddress();
            boolean ethernet = mac != null && mac.length == 6;
            Dhcp4Settings dhcp4 = new Dhcp4Settings(Dhcp4Settings.clientId(configured.iaid(), settings.session().clientDuid()), ethernet ? 1 : 0,
                    ethernet ? Bytes.of(mac) : Bytes.EMPTY, configured.options());
            Optional<Lease4File.Stored> kept = Optional.empty();
            try {
                kept = Lease4File.read(lease4File());
            } catch (IllegalArgumentException e) {
                log.error("{}: the IPv4 lease file {} is damaged ({}): starting without an IPv4 lease; {}", settings.link(), lease4File(), e.getMessage(),
                        AtomicFile.setAside(lease4File()));
            }
            return new FourOverSixClient(settings.link(), new Dhcp4Session(dhcp4, Math::random, LinkClient::randomXid), kept.map(Lease4File.Stored::lease),
                    resume.apply(kept.flatMap(Lease4File.Stored::writtenBy)), event -> effects.execute(() -> lease4.apply(event, this::decline4)), log);
        };
    }

    /** Effects thread: the IPv4 lease's address is in use elsewhere. */
    private void decline4(String why) {
        LinkClient current;
        synchronized (this) {
            current = client;
        }
        if (current != null) current.act4(s -> now -> s.decline(now, why));
    }

    private Path lease4File() {
        return stateDir.resolve("lease4-" + settings.link().value() + ".json");
    }

    /**
     * The link came back from a flap shorter than its debounce ({@link WanLink#PROP_RETURNS}):
     * the session goes on (nothing to ask the server), but the kernel removes the addresses of
     * an interface set down, so the lease's are set again now rather than at its next Reply.
     */
    synchronized void updatedLink(WanLink link) {
        if (!link.name().equals(settings.link()) || client == null) return;
        try {
            effects.execute(this::setAddressesAgain);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // deactivated meanwhile
        }
    }

    /** Effects thread: the lease's addresses on the link again, each checked like a new one. */
    private void setAddressesAgain() {
        Instant now = clock.instant();
        List<LeasedAddress> held = addresses.values().stream().filter(a -> a.validUntil().isAfter(now)).toList();
        if (held.isEmpty()) return;
        log.info("{}: the link came back within the debounce: {} set again", settings.link(),
                held.stream().map(a -> Ipv6Text.format(a.address())).toList());
        for (LeasedAddress a : held) {
            try {
                setOnLink(a, now);
                checkForDuplicates(a);
            } catch (NetConfigException e) {
                log.error("{}: {}", settings.link(), e.getMessage());
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                return;
            }
        }
    }

    synchronized void unbindLink(WanLink link) {
        if (!link.name().equals(settings.link()) || client == null) return;
        if (context.getBundle(0).getState() == Bundle.STOPPING) {
            // prefixd stops, and the link watcher stops first (it starts last): the link is not
            // gone, so the Release asked for on stop still goes out, while the socket is open.
            releaseOnStop();
            client.stop();
            client = null;
            return;
        }
        // The lease outlives the link for the grace period: back within it, the client Rebinds;
        // gone longer, everything derived from the lease is withdrawn (seed 000: link failure).
        client.stop();
        client = null;
        linkLost = true;
        log.info("{}: DHCPv6 session paused, link gone; the lease is kept for {} s", link.name(), settings.linkLostGrace().getSeconds());
        drop = timers.schedule(this::dropAfterGrace, settings.linkLostGrace().toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void dropAfterGrace() {
        if (client != null) return;
        Path file = leaseFile();
        try {
            var lease = LeaseFile.read(file);
            Files.deleteIfExists(file);
            lease.ifPresent(l -> effects.execute(() -> onLease(new LeaseEvent(LeaseEvent.Kind.EXPIRED, l))));
            if (lease4 != null) effects.execute(lease4::dropKept);
            log.info("{}: link gone longer than the grace period: lease dropped", settings.link());
        } catch (IOException | IllegalArgumentException e) {
            log.warn("{}: could not drop the lease in {}: {}", settings.link(), file, e.getMessage());
        }
    }

    @Override
    public synchronized List<SessionStatus> sessions() {
        SessionStatus status = client == null ? null : client.status().orElse(null);
        if (status == null)
            status = new SessionStatus(settings.link(), client == null ? "NO_LINK" : "STARTING", Optional.empty(),
                    List.of(), List.of(), Optional.empty());
        return List.of(status);
    }

    @Override
    public Optional<String> renew(InterfaceName link) {
        return act(link, "renew", client -> client.act(client.session()::renewNow)
                + client.act4(s -> s::renewNow).map(v4 -> "; IPv4: " + v4).orElse(""));
    }

    /** The IPv4 lease first: its RELEASE travels over the DHCPv6 lease's address. */
    @Override
    public Optional<String> release(InterfaceName link) {
        return act(link, "release", client -> client.act4(s -> s::release).map(v4 -> "IPv4: " + v4 + "; ").orElse("")
                + client.act(client.session()::release));
    }

    private Optional<String> act(InterfaceName link, String what, Function<LinkClient, String> action) {
        if (!link.equals(settings.link())) return Optional.empty();
        LinkClient current;
        synchronized (this) {
            current = client;
        }
        if (current == null) return Optional.of(link + ": no session (the link is down)");
        String done = action.apply(current);
        log.info("{}: {} asked from the command line: {}", link, what, done);
        return Optional.of(link + ": " + done);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        // Only when prefixd itself stops: a bundle update or a config change must keep the lease.
        boolean prefixdStopping = context.getBundle(0).getState() == Bundle.STOPPING;
        synchronized (this) {
            if (prefixdStopping) releaseOnStop();
            if (client != null) client.stop();
            client = null;
        }
        timers.shutdownNow();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        effects.execute(() -> {
            prefixes.values().forEach(r -> r.registration().unregister());
            withdrawn.values().forEach(ServiceRegistration::unregister);
            if (leaseService != null) leaseService.registration().unregister();
            if (lease4 != null) lease4.unregister();
        });
        effects.shutdown();
        effects.awaitTermination(3, TimeUnit.SECONDS);
    }

    /** With release.on.stop, while there is a session: prefixd itself stops. */
    private synchronized void releaseOnStop() {
        if (client != null && settings.releaseOnStop()) {
            client.act4(s -> s::release).ifPresent(v4 -> log.info("{}: prefixd stops: releasing the IPv4 lease ({})", settings.link(), v4));
            log.info("{}: prefixd stops: releasing the lease ({})", settings.link(), client.act(client.session()::release));
        }
    }

    private Path leaseFile() {
        return stateDir.resolve("lease-" + settings.link().value() + ".json");
    }

    /**
     * Written once the kernel, the services and the event have the change: the write and its
     * fsync (milliseconds on flash) hold up neither the LAN nor the hooks. A crash in between is
     * a process start, which Rebinds (RFC 8415 §18.2.12) and so learns the lease again.
     */
    private void persist(LeaseEvent event) {
        switch (event.kind()) {
            // Stateless information is asked for again at start. A resumed lease is unchanged,
            // and its file must go on naming the prefixd that last heard from the server.
            case INFORMED -> { }
            case RESUMED -> {
                if (replayed) store.rewrite(event.lease(), keptAtStart.flatMap(LeaseFile.Stored::writtenBy)); // the unheard event is told now
                replayed = false;
            }
            case EXPIRED, RELEASED -> store.delete();
            default -> store.save(event.lease(), lastUnheard);
        }
    }

    /** The lease file as the first session of this component found it; effects thread after that. */
    private volatile Optional<LeaseFile.Stored> keptAtStart = Optional.empty();
    /** The last event, when no listener was there to hear it (effects thread). */
    private Optional<LeaseFile.Unheard> lastUnheard = Optional.empty();
    /** The lease of {@link #lastUnheard}, as the client and as the listeners know it (effects thread). */
    private Lease unheardLease;
    private WanLease unheardWanLease;
    /** The RESUMED event just now told the listeners an earlier unheard one first (effects thread). */
    private boolean replayed;

    private Optional<LeaseFile.Stored> readKept() {
        try {
            return LeaseFile.readStored(leaseFile());
        } catch (IOException | IllegalArgumentException e) { // the session's own read says it
            return Optional.empty();
        }
    }

    private void onLease(LeaseEvent event) {
        Instant now = clock.instant();
        boolean gone = event.kind() == LeaseEvent.Kind.EXPIRED || event.kind() == LeaseEvent.Kind.RELEASED;
        Map<String, LeasedPrefix> nowPrefixes = new HashMap<>();
        Map<String, Long> iaids = new HashMap<>();
        Map<String, LeasedAddress> nowAddresses = new HashMap<>();
        if (!gone) {
            for (IaBinding ia : event.lease().ias()) {
                for (LeasedPrefix p : ia.prefixes()) {
                    String key = new Prefix(p.prefix(), p.length()).toString();
                    nowPrefixes.put(key, p);
                    iaids.put(key, ia.iaid());
                }
                for (LeasedAddress a : ia.addresses()) nowAddresses.put(a.address().getHostAddress(), a);
            }
        }
        // The kernel first (the lease's address and the prefixes' unreachable routes), then what
        // the hooks and the LAN wait for (the event, the services), then what nothing waits for.
        for (var entry : nowAddresses.entrySet()) {
            LeasedAddress a = entry.getValue();
            try {
                setOnLink(a, now);
                if (!addresses.containsKey(entry.getKey())) checkForDuplicates(a);
            } catch (NetConfigException e) {
                log.error("{}: {}", settings.link(), e.getMessage());
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // deactivated meanwhile: no check needed
            }
        }
        for (var entry : nowPrefixes.entrySet()) {
            try {
                net.setUnreachableRoute(new Prefix(entry.getValue().prefix(), entry.getValue().length()));
            } catch (NetConfigException e) {
                log.error("{}: {}", settings.link(), e.getMessage());
            }
        }
        Optional<WanLease> held = asWanLease(event.lease());
        String eventId = eventIds + "-" + (++eventCount);
        post(event, held, eventId);
        // The listeners (the hooks: a queue of their own) right after the event, so that a hook's own
        // event never comes before the lease's, and before the services, whose registration runs
        // the LAN side's bindings on this thread.
        String kind = event.kind().name().toLowerCase();
        if (held.isPresent() && event.kind() == LeaseEvent.Kind.RESUMED && keptAtStart.isPresent() && keptAtStart.get().unheard().isPresent()
                && !listeners.isEmpty()) {
            // An event the hooks missed while this bundle and theirs were restarted (a refresh): told first.
            LeaseFile.Unheard missed = keptAtStart.get().unheard().get();
            log.info("{}: the lease's {} event {} came while no hook dispatcher was there: told now", settings.link(), missed.kind(), missed.eventId());
            for (LeaseListener listener : listeners) tell(listener, missed.kind(), held.get(), missed.eventId());
            keptAtStart = Optional.empty();
            replayed = true;
        }
        lastUnheard = held.isPresent() && listeners.isEmpty() && event.kind() != LeaseEvent.Kind.INFORMED
                ? Optional.of(new LeaseFile.Unheard(kind, eventId)) : Optional.empty();
        unheardLease = lastUnheard.isPresent() ? event.lease() : null;
        unheardWanLease = lastUnheard.isPresent() ? held.get() : null;
        if (held.isPresent()) { // no lambdas up to the services: each one's first call costs a bootstrap
            for (LeaseListener listener : listeners) tell(listener, kind, held.get(), eventId);
        }
        // The lease before its prefixes: radvd then has the DNS servers when the LAN prefixes come (one write, not two).
        registerLease(gone ? Optional.empty() : held, event.kind(), eventId, now);
        // The withdrawals of the last change have been seen by now (the distributor notes them as they come).
        for (ServiceRegistration<DelegatedPrefix> registration : withdrawn.values()) registration.unregister();
        withdrawn.clear();
        for (var entry : nowPrefixes.entrySet()) {
            LeasedPrefix p = entry.getValue();
            DelegatedPrefix service = new DelegatedPrefix(settings.link(), iaids.get(entry.getKey()), new Prefix(p.prefix(), p.length()), p.preferredUntil(),
                    p.validUntil(), p.excluded());
            Registered old = prefixes.get(entry.getKey());
            if (old != null && old.service().equals(service)) continue;
            if (old != null) old.registration().unregister();
            prefixes.put(entry.getKey(), new Registered(service, context.registerService(DelegatedPrefix.class, service, service.serviceProperties())));
        }
        List<Prefix> unrouted = new java.util.ArrayList<>();
        for (var it = prefixes.entrySet().iterator(); it.hasNext(); ) {
            var entry = it.next();
            if (nowPrefixes.containsKey(entry.getKey())) continue;
            // Said before it goes, so that the LAN deprecates its subnets at once rather than
            // waiting out the grace meant for a client bundle being updated.
            DelegatedPrefix ended = entry.getValue().service().withdrawnAt(now);
            withdrawn.put(entry.getKey(), context.registerService(DelegatedPrefix.class, ended, ended.serviceProperties()));
            entry.getValue().registration().unregister();
            it.remove();
            log.info("{}: {} withdrawn ({})", settings.link(), ended.prefix(), withdrawalReason(event.kind()));
            unrouted.add(ended.prefix());
        }
        // logged once the change is out: formatting it costs more than the change on a cold path
        if (event.kind() == LeaseEvent.Kind.INFORMED)
            log.info("{}: information: DNS {}, domains {}", settings.link(),
                    event.lease().dnsServers().stream().map(Ipv6Text::format).toList(), event.lease().domains());
        else {
            List<String> leased = new java.util.ArrayList<>();
            for (LeasedPrefix p : event.lease().prefixes())
                leased.add(new Prefix(p.prefix(), p.length()) + (p.excluded().isPresent() ? " excluding " + p.excluded().get() : ""));
            log.info("{}: lease {}: {} address(es), prefixes {}", settings.link(), event.kind().name().toLowerCase(), event.lease().addresses().size(), leased);
        }
        for (var entry : addresses.entrySet()) {
            if (nowAddresses.containsKey(entry.getKey())) continue;
            try {
                net.removeAddress(settings.link(), entry.getValue().address(), 128);
            } catch (NetConfigException e) {
                log.error("{}: {}", settings.link(), e.getMessage());
            }
        }
        addresses.clear();
        addresses.putAll(nowAddresses);
        for (Prefix prefix : unrouted) {
            try {
                net.removeUnreachableRoute(prefix);
            } catch (NetConfigException e) {
                log.error("{}: {}", settings.link(), e.getMessage());
            }
        }
    }

    /** The prefixd/lease event of a change. */
    private void post(LeaseEvent event, Optional<WanLease> held, String eventId) {
        String kind = event.kind().name().toLowerCase();
        Map<String, Object> props = new HashMap<>();
        props.put(Topics.PROP_EVENT_ID, eventId);
        props.put(Topics.PROP_INTERFACE, settings.link().value());
        props.put(Topics.PROP_REASON, kind);
        if (held.isPresent()) props.put(Topics.PROP_LEASE, held.get());
        events.postEvent(new Event(Topics.LEASE_PREFIX + event.kind().name(), props));
    }

    private static String withdrawalReason(LeaseEvent.Kind kind) {
        return switch (kind) {
            case EXPIRED -> "the lease ran out";
            case RELEASED -> "the lease was released";
            case BOUND, RENEWED, REBOUND -> "the server gave it valid lifetime 0";
            default -> "its valid lifetime ended";
        };
    }

    private Optional<WanLease> asWanLease(Lease lease) {
        try {
            return Optional.of(wanLease(lease));
        } catch (IllegalArgumentException e) { // the codec's checks come first: this would be a bug, not the server
            log.error("{}: no WanLease for this lease: {}", settings.link(), e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Effects thread: the WanLease service, registered anew when the lease changes, gone with it;
     * its registration names the last event (for a handler that starts just after it).
     */
    private void registerLease(Optional<WanLease> next, LeaseEvent.Kind kind, String eventId, Instant at) {
        WanLease before = leaseService == null ? null : leaseService.service();
        if (leaseService != null && next.isPresent() && leaseService.service().equals(next.get())) {
            leaseService.registration().setProperties(leaseProperties(next.get(), kind, eventId, at, before));
            return;
        }
        if (leaseService != null) leaseService.registration().unregister();
        leaseService = null;
        if (next.isPresent())
            leaseService = new RegisteredLease(next.get(), context.registerService(WanLease.class, next.get(), leaseProperties(next.get(), kind, eventId, at, before)));
    }

    private static java.util.Dictionary<String, Object> leaseProperties(WanLease lease, LeaseEvent.Kind kind, String eventId, Instant at, WanLease before) {
        java.util.Dictionary<String, Object> p = lease.serviceProperties();
        p.put(WanLease.PROP_EVENT, kind.name().toLowerCase());
        p.put(WanLease.PROP_EVENT_ID, eventId);
        p.put(WanLease.PROP_EVENT_AT, at.toEpochMilli());
        if (before != null) p.put(WanLease.PROP_EVENT_BEFORE, before);
        return p;
    }

    private WanLease wanLease(Lease lease) {
        return wanLease(settings.link(), lease);
    }

    static WanLease wanLease(InterfaceName link, Lease lease) {
        ServerInformation info = lease.information();
        List<DelegatedPrefix> delegated = new java.util.ArrayList<>();
        for (IaBinding ia : lease.ias())
            for (LeasedPrefix p : ia.prefixes())
                delegated.add(new DelegatedPrefix(link, ia.iaid(), new Prefix(p.prefix(), p.length()), p.preferredUntil(), p.validUntil(), p.excluded()));
        return new WanLease(link, lease.server().bytes().hex(),
                lease.addresses().stream().map(a -> new WanLease.Address(a.address(), a.preferredUntil(), a.validUntil())).toList(),
                delegated, info.dnsServers(), info.domains().stream().map(DomainName::text).toList(), info.ntpServers(),
                info.ntpNames().stream().map(DomainName::text).toList(), info.sntpServers(), info.sipServers(),
                info.sipDomains().stream().map(DomainName::text).toList(), info.aftr().map(DomainName::text), info.options());
    }

    /**
     * When to ask the kernel whether duplicate address detection failed for a new address: DAD
     * takes DupAddrDetectTransmits (1) × RetransTimer (1 s) after a random delay of up to 1 s;
     * the second look covers a slower link.
     */
    private static final List<Duration> DAD_CHECKS = List.of(Duration.ofSeconds(3), Duration.ofSeconds(8));

    /**
     * Effects thread. The address is still ours and another node has it: Decline (RFC 8415
     * §18.2.8). The kernel marks a duplicate dadfailed, or deletes it when its lifetimes are
     * finite; but it also deletes every address of an interface set down, as in a flap shorter
     * than the debounce. An address found gone is therefore set again and looked at once more
     * after duplicate address detection: only gone or dadfailed again is it declined.
     */
    private void checkDuplicate(java.net.Inet6Address address) {
        checkDuplicate(address, false);
    }

    private void checkDuplicate(java.net.Inet6Address address, boolean setAgain) {
        LeasedAddress held = addresses.get(address.getHostAddress());
        if (held == null) return;
        NetConfig.AddressState state;
        try {
            state = net.addressState(settings.link(), address);
            if (state != NetConfig.AddressState.DUPLICATE && state != NetConfig.AddressState.ABSENT) return;
            if (state == NetConfig.AddressState.ABSENT && !setAgain) {
                Instant now = clock.instant();
                log.info("{}: {} is gone from the interface (a flap, or duplicate address detection): set again and checked once more",
                        settings.link(), Ipv6Text.format(address));
                setOnLink(held, now);
                timers.schedule(() -> effects.execute(() -> checkDuplicate(address, true)), DAD_CHECKS.get(0).toMillis(), TimeUnit.MILLISECONDS);
                return;
            }
        } catch (NetConfigException e) {
            log.warn("{}: cannot ask the kernel about {}: {}", settings.link(), Ipv6Text.format(address), e.getMessage());
            return;
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            return;
        }
        LinkClient current;
        synchronized (this) {
            current = client;
        }
        if (current == null) return;
        log.warn("{}: duplicate address detection failed for {} ({}): another node uses it; declining it", settings.link(), Ipv6Text.format(address),
                state == NetConfig.AddressState.ABSENT ? "the kernel removed it, also when set again" : "marked dadfailed");
        log.info("{}: {}", settings.link(), current.act(now -> current.session().decline(address, now)));
    }

    /** The address on the WAN link with the lifetimes it has left. */
    private void setOnLink(LeasedAddress a, Instant now) throws NetConfigException {
        net.setAddress(settings.link(), a.address(), 128, seconds(now, a.preferredUntil()), seconds(now, a.validUntil()));
    }

    /** Looks for a failed duplicate address detection after each of {@link #DAD_CHECKS}. */
    private void checkForDuplicates(LeasedAddress a) {
        for (Duration after : DAD_CHECKS) timers.schedule(new DuplicateCheck(a.address()), after.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs on the timers' thread and checks on the effects thread; a class, as it is made on a lease's path. */
    private final class DuplicateCheck implements Runnable {
        private final java.net.Inet6Address address;

        DuplicateCheck(java.net.Inet6Address address) {
            this.address = address;
        }

        @Override
        public void run() {
            effects.execute(new Runnable() {
                @Override
                public void run() {
                    checkDuplicate(address);
                }
            });
        }
    }

    private static long seconds(Instant now, Instant until) {
        long s = Duration.between(now, until).getSeconds();
        return Math.max(0, Math.min(0xffffffffL, s));
    }
}
