package org.prefixd.pd.osgi;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.prefixd.api.DelegatedPrefix;
import org.prefixd.api.DownstreamPrefix;
import org.prefixd.api.AtomicFile;
import org.prefixd.api.Coalescer;
import org.prefixd.api.Directories;
import org.prefixd.api.Ipv6Text;
import org.prefixd.api.LanPrefix;
import org.prefixd.api.NetConfig;
import org.prefixd.api.NetConfigException;
import org.prefixd.api.Topics;
import org.prefixd.pd.Assignments;
import org.prefixd.pd.Distributor;
import org.prefixd.pd.LanRequest;

/**
 * The distributor as a service shell: it follows the DelegatedPrefix services and the LAN
 * configurations, runs {@link Distributor} on one thread (bursts of changes coalesced, and again
 * every {@link #TICK} for the grace and the deprecated subnets running out), registers a
 * LanPrefix service per subnet, puts the router's address in each subnet on its LAN through
 * NetConfig, and keeps the assignments in the state directory. Stopping it (a bundle update)
 * leaves the LAN as it is: the next start computes the same subnets from the kept assignments.
 */
@Component(immediate = true)
public final class DistributorComponent {
    /** How long a vanished DelegatedPrefix is taken as still there (the client bundle being updated). */
    static final Duration GRACE = Duration.ofSeconds(10);
    static final Duration TICK = Duration.ofSeconds(5);
    static final String FILE = "pd-assignments.txt";

    private final BundleContext context;
    private final NetConfig net;
    private final Logger log;
    private final Path file;
    private final Distributor distributor;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "prefixd-pd");
        t.setDaemon(true);
        return t;
    });
    /**
     * Bursts of service changes make one run, shortly after the first: the client registers a
     * lease's prefixes in one go, microseconds apart, so a millisecond gathers them. A LAN's
     * reconfiguration (its component unbound, then bound again milliseconds later) waits longer:
     * a run in between would take its subnet away instead of moving it.
     */
    private final Coalescer coalescer = new Coalescer(worker, Duration.ofMillis(1), this::update);
    private static final Duration LAN_BURST = Duration.ofMillis(20);
    private final List<DelegatedPrefix> delegated = new CopyOnWriteArrayList<>();
    /** Withdrawn DelegatedPrefix services already gone again, for the next run. */
    private final java.util.Queue<DelegatedPrefix> withdrawals = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final List<LanComponent> lans = new CopyOnWriteArrayList<>();

    // worker thread only
    private final Map<String, ServiceRegistration<LanPrefix>> registered = new HashMap<>();
    private final Map<String, LanPrefix> shown = new HashMap<>();
    private Set<String> lastProblems = Set.of();
    private Set<String> lastNotes = Set.of();
    private String lastSaved = "";
    private boolean saveFailed;
    private org.prefixd.api.WarnLimiter saveErrors = new org.prefixd.api.WarnLimiter(1);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin events;

    @Activate
    public DistributorComponent(BundleContext context, @Reference NetConfig net, @Reference(service = LoggerFactory.class) Logger log) {
        this.context = context;
        this.net = net;
        this.log = log;
        this.file = Directories.state(context.getProperty(Directories.STATE_PROPERTY)).resolve(FILE);
        this.distributor = new Distributor(readAssignments(), GRACE);
        // A second after the start: the start's own work (up to the first WanLink) goes first.
        worker.schedule(org.prefixd.pd.Warmup::run, 1, TimeUnit.SECONDS);
        checkForwarding();
        worker.scheduleWithFixedDelay(this::update, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        changed();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindDelegated(DelegatedPrefix prefix) {
        delegated.add(prefix);
        changed();
    }

    void unbindDelegated(DelegatedPrefix prefix) {
        delegated.remove(prefix);
        if (prefix.withdrawn()) withdrawals.add(prefix); // however briefly it was registered, the next run sees it
        changed();
    }

    /** What the LAN servers delegated to routers on the LANs (IA_PD): taken for the LANs' subnets. */
    private final List<DownstreamPrefix> downstream = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindDownstream(DownstreamPrefix prefix) {
        downstream.add(prefix);
        changed();
    }

    void unbindDownstream(DownstreamPrefix prefix) {
        downstream.remove(prefix);
        changed();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindLan(LanComponent lan) {
        lans.add(lan);
        coalescer.trigger(LAN_BURST);
    }

    void unbindLan(LanComponent lan) {
        lans.remove(lan);
        coalescer.trigger(LAN_BURST);
    }

    private void changed() {
        coalescer.trigger();
    }

    private void update() {
        try {
            Instant now = clock.instant();
            Map<String, LanComponent> byLan = new HashMap<>();
            List<LanRequest> requests = new java.util.ArrayList<>();
            for (LanComponent lan : lans) {
                byLan.put(lan.setup().request().lan().value(), lan);
                requests.add(lan.setup().request());
            }
            List<DelegatedPrefix> given = new java.util.ArrayList<>(delegated);
            for (DelegatedPrefix d; (d = withdrawals.poll()) != null; ) given.add(d);
            List<org.prefixd.api.Prefix> carved = new java.util.ArrayList<>();
            for (DownstreamPrefix p : downstream) carved.add(p.prefix());
            Distributor.Result result = distributor.update(given, requests, carved, now);
            report(result.problems());
            note(result.notes());
            Map<String, LanPrefix> next = new HashMap<>();
            for (LanPrefix p : result.prefixes()) next.put(p.lan().value() + " " + p.subnet(), p);
            // The services first (radvd and the web wait for them), then the router's own addresses.
            List<LanPrefix> addressed = new java.util.ArrayList<>();
            for (var e : next.entrySet()) {
                LanPrefix p = e.getValue();
                if (p.equals(shown.get(e.getKey()))) continue;
                ServiceRegistration<LanPrefix> old = registered.remove(e.getKey());
                if (old != null) old.unregister();
                registered.put(e.getKey(), context.registerService(LanPrefix.class, p, p.serviceProperties()));
                if (!shown.containsKey(e.getKey())) log.info("{}: {} from {}{}", p.lan(), p.subnet(), p.from().prefix(), p.deprecated() ? " (deprecated)" : "");
                shown.put(e.getKey(), p);
                addressed.add(p);
            }
            for (LanPrefix p : addressed) {
                LanComponent lan = byLan.get(p.lan().value());
                if (lan != null) setRouterAddress(p, lan.setup().interfaceId(), now);
            }
            for (String key : new HashSet<>(shown.keySet())) {
                if (next.containsKey(key)) continue;
                LanPrefix gone = shown.remove(key);
                ServiceRegistration<LanPrefix> old = registered.remove(key);
                if (old != null) old.unregister();
                removeRouterAddress(gone, byLan.get(gone.lan().value()));
                log.info("{}: {} no longer advertised", gone.lan(), gone.subnet());
            }
            save(result.assignments());
        } catch (RuntimeException e) {
            log.error("prefix distribution failed: {}", e.toString());
        }
    }

    /** Each LAN moved off an excluded subnet (RFC 6603), once while it lasts. */
    private void note(List<String> notes) {
        for (String n : notes) if (!lastNotes.contains(n)) log.warn("{}", n);
        lastNotes = Set.copyOf(notes);
    }

    private void report(List<String> problems) {
        Set<String> now = Set.copyOf(problems);
        for (String p : problems) {
            if (lastProblems.contains(p)) continue;
            log.warn("no subnet for {}", p);
            EventAdmin ea = events;
            if (ea != null) {
                String lan = p.substring(0, p.indexOf(':'));
                ea.postEvent(new Event(Topics.LAN_NO_SPACE, Map.of(Topics.PROP_INTERFACE, lan, Topics.PROP_REASON, p.substring(p.indexOf(':') + 2))));
            }
        }
        lastProblems = now;
    }

    static Inet6Address routerAddress(LanPrefix p, Inet6Address interfaceId) {
        byte[] b = p.subnet().network().getAddress();
        byte[] id = interfaceId.getAddress();
        for (int i = 8; i < 16; i++) b[i] |= id[i];
        try {
            return Inet6Address.getByAddress(null, b, -1);
        } catch (UnknownHostException impossible) {
            throw new AssertionError(impossible);
        }
    }

    private void setRouterAddress(LanPrefix p, Inet6Address interfaceId, Instant now) {
        long valid = Math.max(0, Math.min(0xfffffffeL, Duration.between(now, p.validUntil()).getSeconds()));
        long preferred = p.deprecated() ? 0 : Math.max(0, Math.min(valid, Duration.between(now, p.preferredUntil()).getSeconds()));
        if (valid == 0) return;
        try {
            net.setAddress(p.lan(), routerAddress(p, interfaceId), p.subnet().length(), preferred, valid);
        } catch (NetConfigException e) {
            log.error("{}: {}", p.lan(), e.getMessage());
        }
    }

    private void removeRouterAddress(LanPrefix p, LanComponent lan) {
        if (lan == null) return; // the LAN is no longer configured: leave its interface alone
        try {
            net.removeAddress(p.lan(), routerAddress(p, lan.setup().interfaceId()), p.subnet().length());
        } catch (NetConfigException e) {
            log.error("{}: {}", p.lan(), e.getMessage());
        }
    }

    private Assignments readAssignments() {
        try {
            return Files.exists(file) ? Assignments.fromText(Files.readString(file, StandardCharsets.UTF_8)) : Assignments.NONE;
        } catch (IOException | IllegalArgumentException e) {
            log.error("the subnet assignments in {} are damaged ({}): subnets are assigned afresh; {}", file, e.getMessage(), AtomicFile.setAside(file));
            return Assignments.NONE;
        }
    }

    /**
     * Atomically, and only when it changed. A state directory that refuses (full, read-only)
     * is tried again at every run (every {@link #TICK} at least), logged at most once a minute;
     * the subnets in use are not affected.
     */
    private void save(Assignments assignments) {
        String text = assignments.toText();
        if (text.equals(lastSaved)) return;
        try {
            Files.createDirectories(file.getParent());
            AtomicFile.write(file, text.getBytes(StandardCharsets.UTF_8));
            if (saveFailed) {
                log.info("the subnet assignments are kept in {} again", file);
                saveErrors = new org.prefixd.api.WarnLimiter(1); // the next failure is news
            }
            saveFailed = false;
            lastSaved = text;
        } catch (IOException e) {
            saveFailed = true;
            saveErrors.warn(log::error, "could not keep the subnet assignments in " + file + ": " + e + " (tried again every "
                    + TICK.getSeconds() + " s; the LANs keep their subnets)");
        }
    }

    private void checkForwarding() {
        Path forwarding = Path.of("/proc/sys/net/ipv6/conf/all/forwarding");
        try {
            if (!Files.readString(forwarding).strip().equals("1"))
                log.warn("IPv6 forwarding is off (net.ipv6.conf.all.forwarding = 0): LAN hosts will get addresses but no route out, and radvd will not advertise");
        } catch (IOException e) {
            log.warn("cannot read {}: {}", forwarding, e.getMessage());
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        worker.shutdownNow();
        worker.awaitTermination(2, TimeUnit.SECONDS);
        registered.values().forEach(ServiceRegistration::unregister);
        registered.clear();
    }
}
