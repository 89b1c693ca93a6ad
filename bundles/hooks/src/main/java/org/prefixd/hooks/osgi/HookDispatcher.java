package org.prefixd.hooks.osgi;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.prefixd.api.Directories;
import org.prefixd.api.InterfaceName;
import org.prefixd.api.LeaseListener;
import org.prefixd.api.Topics;
import org.prefixd.api.WanLease;
import org.prefixd.api.WanLease4;
import org.prefixd.hooks.Hook;
import org.prefixd.hooks.Hook4Event;
import org.prefixd.hooks.HookLanEvent;
import org.prefixd.hooks.HookCall;
import org.prefixd.hooks.HookEvent;
import org.prefixd.hooks.LinkQueues;
import org.prefixd.hooks.RecentEvents;
import org.prefixd.hooks.ScriptResult;
import org.prefixd.hooks.ScriptRunner;
import org.prefixd.hooks.Warmup;

/**
 * Turns each lease change the DHCPv6 client tells it of (as a {@link LeaseListener}, on the
 * client's thread) into runs of the hooks that want it, queued per link: the client's thread
 * only enqueues, and the environments are rendered on the link's queue, so a slow script or
 * style never holds up the client or other links. Posts prefixd/hook/DONE or FAILED for each run.
 */
@Component(immediate = true, service = {LeaseListener.class, EventHandler.class},
        property = EventConstants.EVENT_TOPIC + "=" + Topics.LANLEASE_PREFIX + "*")
public final class HookDispatcher implements LeaseListener, EventHandler {
    private final BundleContext context;
    private final Logger log;
    private final EventAdmin events;
    private final ScriptRunner runner;
    private final LinkQueues queues = new LinkQueues();
    private final Clock clock = Clock.systemUTC();
    /** The lease each link held before its last event, for old_* and PREFIXD_PREFIXES_REMOVED. */
    private final Map<InterfaceName, WanLease> held = new HashMap<>(); // guarded by itself
    /** Likewise for the IPv4 lease (DHCPv4 over DHCPv6), for old_* and PREFIXD_IPV4_REMOVED. */
    private final Map<InterfaceName, WanLease4> held4 = new HashMap<>(); // guarded by itself
    private static final Comparator<Hook> BY_SCRIPT_THEN_ID = Comparator.comparing(Hook::script).thenComparing(Hook::id);
    private final List<Hook> hooks = new CopyOnWriteArrayList<>();
    /** Guarded by itself, with the choice of the hooks for an event and the arrival of a hook. */
    private final RecentEvents recent = new RecentEvents();
    private final HandledEvents handled;
    /** The id of the last lease event taken up per link: a client tells an event it found unheard once a listener binds. */
    private final Map<InterfaceName, String> lastEventIds = new java.util.concurrent.ConcurrentHashMap<>();

    @Activate
    public HookDispatcher(BundleContext context, @Reference EventAdmin events, @Reference(service = LoggerFactory.class) Logger log) {
        this.context = context;
        this.events = events;
        this.log = log;
        Path runDir = Directories.run(context.getProperty(Directories.RUN_PROPERTY));
        this.runner = new ScriptRunner(runDir.resolve("hooks"));
        this.handled = new HandledEvents(runDir.resolve("hook-events"));
        // After an update of this bundle: the leases held now are the "before" of the next events,
        // and the event that made one, when no handler saw it (the client started first after a
        // refresh), is run for the hooks as they appear.
        try {
            for (var ref : context.getServiceReferences(WanLease.class, null)) {
                WanLease lease = context.getService(ref);
                if (lease != null) {
                    held.put(lease.link(), lease);
                    unhandled(lease, ref).ifPresent(missed -> {
                        if (ref.getProperty(WanLease.PROP_EVENT_ID) instanceof String id) lastEventIds.put(lease.link(), id); // the client may tell it too
                        log.info("{} {} came while no hook dispatcher was there: its hooks run as they appear", missed.link(), missed.kind().name().toLowerCase());
                        recent.ran(missed, List.of());
                    });
                }
                context.ungetService(ref);
            }
        } catch (org.osgi.framework.InvalidSyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
        Thread warmup = new Thread(() -> {
            try {
                Thread.sleep(1000); // the start's own work (up to the first WanLink) goes first
                Warmup.run(runner);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | LinkageError e) { // only a head start: the first run then loads what it needs
                log.debug("hooks warm-up: {}", e.toString());
            }
        }, "prefixd-hooks-warmup");
        warmup.setDaemon(true);
        warmup.setPriority(Thread.MIN_PRIORITY);
        warmup.start();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addHook(Hook hook) {
        List<HookEvent> missed;
        synchronized (recent) {
            hooks.add(hook);
            missed = recent.missedBy(hook, clock.instant());
        }
        for (HookEvent event : missed) {
            log.info("hook {}: runs for {} {} of {} ms ago, which came while it was not there yet (an update or a refresh)", hook.script(),
                    event.link(), event.kind().name().toLowerCase(), java.time.Duration.between(event.now(), clock.instant()).toMillis());
            submit(hook, event);
        }
    }

    void removeHook(Hook hook) {
        hooks.remove(hook);
    }

    @Deactivate
    void deactivate() {
        boolean prefixdStops = context.getBundle(0).getState() == org.osgi.framework.Bundle.STOPPING;
        int waiting = queues.close(prefixdStops);
        if (waiting > 0 && prefixdStops) log.warn("{} hook run(s) still queued were not run: prefixd is stopping", waiting);
        else if (waiting > 0) log.info("{} hook run(s) still queued finish in the background while the hooks bundle is replaced", waiting);
    }

    @Override
    public void leaseChanged(String kindName, WanLease lease, String eventId) {
        HookEvent.Kind kind;
        try {
            kind = HookEvent.Kind.valueOf(kindName.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            log.debug("no hooks for {}", kindName);
            return;
        }
        if (eventId.equals(lastEventIds.put(lease.link(), eventId))) {
            log.debug("{} {} event {}: its hooks already ran or are queued", lease.link(), kindName, eventId);
            return;
        }
        Optional<WanLease> previous;
        synchronized (held) {
            previous = Optional.ofNullable(held.get(lease.link()));
            // None known: this dispatcher came while the client re-registered its lease (an update
            // during a renewal). The client tells its listeners before it registers the new lease,
            // so the one registered is the lease before this event.
            if (previous.isEmpty() && kind != HookEvent.Kind.BOUND) previous = registeredBefore(lease.link(), eventId);
            if (kind.ends()) held.remove(lease.link());
            else held.put(lease.link(), lease);
        }
        HookEvent hookEvent = new HookEvent(kind, lease.link(), lease, previous, clock.instant());
        // Plain loops, no streams: each lambda's first call costs a bootstrap on this cold path.
        List<Hook> wanted = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        synchronized (recent) {
            for (Hook hook : hooks) if (hook.runsFor(hookEvent)) wanted.add(hook);
            wanted.sort(BY_SCRIPT_THEN_ID);
            for (Hook hook : wanted) ids.add(hook.id());
            recent.ran(hookEvent, ids);
        }
        for (Hook hook : wanted) submit(hook, hookEvent);
        handled.record(lease.link(), eventId);
    }

    /** A LAN client's lease changed (prefixd/lanlease/*): the hooks that name LAN events run, on the LAN's queue. */
    @Override
    public void handleEvent(Event event) {
        String topic = event.getTopic();
        HookLanEvent.Kind kind;
        try {
            kind = HookLanEvent.Kind.valueOf(topic.substring(topic.lastIndexOf('/') + 1));
        } catch (IllegalArgumentException unknown) {
            return;
        }
        if (!(event.getProperty(Topics.PROP_INTERFACE) instanceof String lan) || InterfaceName.problemWith(lan) != null
                || !(event.getProperty(Topics.PROP_DUID) instanceof String duid)) return;
        String mac = event.getProperty(Topics.PROP_MAC) instanceof String m ? m : null;
        String addresses = event.getProperty(Topics.PROP_ADDRESSES) instanceof String a ? a : "";
        List<org.prefixd.api.Prefix> prefixes = new ArrayList<>();
        if (event.getProperty(Topics.PROP_PREFIXES) instanceof String p && !p.isBlank())
            for (String one : p.split(" ")) {
                try {
                    prefixes.add(org.prefixd.api.Prefix.parse(one));
                } catch (IllegalArgumentException e) {
                    log.warn("{}: a LAN event's prefix '{}' is not a prefix: left out of the hooks' environment", lan, org.prefixd.api.SafeText.printable(one));
                }
            }
        Optional<String> hostname = event.getProperty(Topics.PROP_HOSTNAME) instanceof String h && org.prefixd.api.HostName.valid(h) ? Optional.of(h) : Optional.empty();
        HookLanEvent lanEvent = new HookLanEvent(kind, InterfaceName.of(lan), Optional.ofNullable(mac), duid,
                addresses.isBlank() ? List.of() : List.of(addresses.split(" ")), prefixes, hostname, clock.instant());
        List<Hook> wanted = new ArrayList<>();
        for (Hook hook : hooks) if (hook.runsFor(lanEvent)) wanted.add(hook);
        wanted.sort(BY_SCRIPT_THEN_ID);
        for (Hook hook : wanted) enqueue(hook, lanEvent.lan(), kind.label(), () -> List.of(lanEvent.call()));
    }

    /** The event the lease's registration names, when it is recent and this prefixd's dispatchers never handled it. */
    /** The lease registered for the link before the event: its "before" when the registration already tells this event. */
    private Optional<WanLease> registeredBefore(InterfaceName link, String eventId) {
        try {
            for (var ref : context.getServiceReferences(WanLease.class, null)) {
                WanLease registered = context.getService(ref);
                context.ungetService(ref);
                if (registered == null || !registered.link().equals(link)) continue;
                if (!eventId.equals(ref.getProperty(WanLease.PROP_EVENT_ID))) return Optional.of(registered);
                return ref.getProperty(WanLease.PROP_EVENT_BEFORE) instanceof WanLease before ? Optional.of(before) : Optional.empty();
            }
        } catch (org.osgi.framework.InvalidSyntaxException impossible) {
            throw new IllegalStateException(impossible);
        } catch (IllegalStateException stopping) { // this bundle's context is gone: no "before" to find
        }
        return Optional.empty();
    }

    private Optional<HookEvent> unhandled(WanLease lease, org.osgi.framework.ServiceReference<WanLease> ref) {
        if (!(ref.getProperty(WanLease.PROP_EVENT_ID) instanceof String id) || !(ref.getProperty(WanLease.PROP_EVENT) instanceof String kind)
                || !(ref.getProperty(WanLease.PROP_EVENT_AT) instanceof Long at)) return Optional.empty();
        if (handled.wasLast(lease.link(), id)) return Optional.empty();
        Optional<WanLease> before = ref.getProperty(WanLease.PROP_EVENT_BEFORE) instanceof WanLease b ? Optional.of(b) : Optional.empty();
        return RecentEvents.named(lease, kind, java.time.Instant.ofEpochMilli(at), before, clock.instant());
    }

    /** Queues the hook's runs for the event on its link's queue, where its environments are rendered. */
    private void submit(Hook hook, HookEvent hookEvent) {
        enqueue(hook, hookEvent.link(), hookEvent.kind().name().toLowerCase(), new Rendering() { // a class: a lambda's first call costs a bootstrap on the lease's path
            @Override
            public List<HookCall> calls() {
                return hook.style().calls(hookEvent);
            }
        });
    }

    /** The environments of one hook for one event, made on the link's queue. */
    private interface Rendering {
        List<HookCall> calls();
    }

    private void enqueue(Hook hook, InterfaceName link, String what, Rendering rendering) {
        boolean queued = queues.submit(link, new Runnable() {
            @Override
            public void run() {
                List<HookCall> calls;
                try {
                    calls = rendering.calls();
                } catch (RuntimeException e) { // a bug in a style must not stop the other hooks
                    log.error("hook {}: cannot render the {} environment: {}", hook.script(), hook.style().label(), e.toString());
                    return;
                }
                for (HookCall call : calls) {
                    if (!call.dropped().isEmpty())
                        log.warn("hook {}: left out {}: their values were not safe to pass", hook.script(), call.dropped());
                    HookDispatcher.this.run(hook, link, what, call);
                }
            }
        });
        if (!queued) log.error("hook {} for {} {}: not run, {} runs are already waiting for this link", hook.script(), link, what, LinkQueues.DEPTH);
    }

    /**
     * The IPv4 lease of DHCPv4 over DHCPv6: runs the hooks that name its events. Not replayed to a
     * hook that appears later (as DHCPv6 events are after an update): its next renewal runs it.
     */
    @Override
    public void lease4Changed(String kindName, WanLease4 lease, String eventId) {
        Hook4Event.Kind kind;
        try {
            kind = Hook4Event.Kind.valueOf(kindName.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            log.debug("no hooks for ipv4.{}", kindName);
            return;
        }
        Optional<WanLease4> previous;
        synchronized (held4) {
            previous = Optional.ofNullable(held4.get(lease.link()));
            if (kind.ends()) held4.remove(lease.link());
            else held4.put(lease.link(), lease);
        }
        Hook4Event event = new Hook4Event(kind, lease.link(), lease, previous, clock.instant());
        List<Hook> wanted = new ArrayList<>();
        for (Hook hook : hooks) if (hook.runsFor(event)) wanted.add(hook);
        wanted.sort(BY_SCRIPT_THEN_ID);
        for (Hook hook : wanted) enqueue(hook, event.link(), kind.label(), () -> hook.style().calls(event));
    }

    private void run(Hook hook, InterfaceName link, String what, HookCall call) {
        Path script = hook.script();
        ScriptResult result = runner.run(script, call, hook.timeout());
        if (result.ok()) {
            log.info("hook {} ({}) for {} {}: {}", script, hook.style().label(), link, what, result.summary());
            for (String line : result.tail()) log.debug("hook {}: | {}", script, line);
        } else {
            log.warn("hook {} ({}) for {} {}: {}", script, hook.style().label(), link, what, result.summary());
            for (String line : result.tail()) log.warn("hook {}: | {}", script, line);
        }
        Map<String, Object> props = new HashMap<>();
        props.put(Topics.PROP_INTERFACE, link.value());
        props.put(Topics.PROP_REASON, what);
        props.put(Topics.PROP_SCRIPT, script.toString());
        props.put(Topics.PROP_EXIT, result.exit());
        props.put(Topics.PROP_MILLIS, result.millis());
        try {
            events.postEvent(new Event(result.ok() ? Topics.HOOK_DONE : Topics.HOOK_FAILED, props));
        } catch (RuntimeException gone) { // a run that finished after this bundle was replaced: the log line above says it all
            log.debug("hook event not posted: {}", gone.toString());
        }
    }
}
