package org.prefixd.link.osgi;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.prefixd.api.LinkLocal;
import org.prefixd.api.LinkMonitor;
import org.prefixd.api.LinkStatus;
import org.prefixd.api.Topics;
import org.prefixd.api.WanLink;
import org.prefixd.link.LinkChange;
import org.prefixd.link.LinkTracker;
import org.prefixd.link.PppdEvent;

/**
 * One WAN link (factory configuration prefixd.link): feeds the kernel's and pppd's reports to a
 * {@link LinkTracker} on one thread of its own and carries out its decisions: the WanLink
 * service, the events, the timer.
 */
@Component(configurationPid = "prefixd.link", configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = LinkMonitor.class)
@Designate(ocd = LinkConfig.class, factory = true)
public final class LinkWatcherComponent implements LinkMonitor {
    private static final long PPPD_CHECK_MILLIS = 500;

    private final BundleContext context;
    private final PppdHookEndpoint hooks;
    private final EventAdmin events;
    private final Logger log;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService executor;

    // Confined to the executor thread.
    private LinkSettings settings;
    private LinkTracker tracker;
    private KernelWatch kernel;
    private AutoCloseable pppdListener;
    private ServiceRegistration<WanLink> registration;
    private long returns; // flaps inside the debounce since the WanLink was registered: WanLink.PROP_RETURNS
    private ScheduledFuture<?> wakeUp;
    private ScheduledFuture<?> pppdCheck;
    private Optional<PppdProcess> pppdProcess = Optional.empty();
    private volatile int knownIndex;
    private volatile LinkStatus status;

    @Activate
    public LinkWatcherComponent(BundleContext context, LinkConfig config, @Reference PppdHookEndpoint hooks,
                                @Reference EventAdmin events, @Reference(service = LoggerFactory.class) Logger log) {
        this.context = context;
        this.hooks = hooks;
        this.events = events;
        this.log = log;
        LinkSettings initial = LinkSettings.from(config);
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "prefixd-link-" + initial.name());
            t.setDaemon(true);
            return t;
        });
        executor.execute(() -> start(initial));
    }

    @Modified
    void modified(LinkConfig config) {
        LinkSettings next;
        try {
            next = LinkSettings.from(config);
        } catch (IllegalArgumentException e) {
            log.error("{}; keeping the running configuration", e.getMessage());
            return;
        }
        executor.execute(() -> reconfigure(next));
    }

    @Deactivate
    void deactivate() {
        // Unregistering the service is the signal; no LINK_DOWN event: the link itself did not go down.
        try {
            executor.submit(() -> stop(false, "")).get(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("link watcher did not stop cleanly: {}", e.toString());
        }
        executor.shutdownNow();
        log.info("stopped watching {}", settings.name());
    }

    @Override
    public List<LinkStatus> links() {
        LinkStatus s = status;
        return s == null ? List.of() : List.of(s);
    }

    private void start(LinkSettings s) {
        settings = s;
        tracker = new LinkTracker(s.name(), s.mode(), s.debounce(), clock.instant());
        status = tracker.status();
        knownIndex = 0;
        // The remembered pppd session (replayed by listen) is queued before the first kernel read,
        // so a link found up after a restart or bundle update is registered once, complete.
        if (s.mode() == org.prefixd.api.LinkMode.PPPD)
            pppdListener = hooks.listen(s.name(), event -> onExecutor(() -> onPppd(event)));
        kernel = new KernelWatch(s.name(), () -> knownIndex, () -> onExecutor(this::readKernel), log);
        kernel.start();
        log.info("watching {} in {} mode, debounce {} ms", s.name(), s.mode().key(), s.debounce().toMillis());
    }

    /** Runs on the link's thread; reports from other threads after deactivation are dropped. */
    private void onExecutor(Runnable task) {
        try {
            executor.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            // deactivated: nothing to follow any more
        }
    }

    private void stop(boolean announce, String why) {
        if (kernel != null) kernel.stop();
        if (pppdListener != null) {
            try {
                pppdListener.close();
            } catch (Exception ignored) {
                // removing a map entry does not fail
            }
        }
        cancel(wakeUp);
        cancel(pppdCheck);
        pppdProcess = Optional.empty();
        WanLink link = tracker.status().link().orElse(null);
        unregister();
        if (announce && link != null) post(Topics.LINK_DOWN, link, why);
    }

    private void reconfigure(LinkSettings next) {
        if (next.name().equals(settings.name()) && next.mode() == settings.mode()) {
            settings = next;
            apply(tracker.debounce(next.debounce(), clock.instant()));
            log.info("{}: debounce is now {} ms", next.name(), next.debounce().toMillis());
            return;
        }
        log.info("{} ({}) reconfigured as {} ({}): withdrawing the old link", settings.name(), settings.mode().key(), next.name(), next.mode().key());
        stop(true, "configuration changed");
        start(next);
    }

    private void readKernel() {
        try {
            var snapshot = KernelWatch.read(settings.name());
            knownIndex = snapshot.map(k -> k.index()).orElse(0);
            apply(tracker.kernel(snapshot, clock.instant()));
        } catch (IOException | IllegalArgumentException e) {
            log.warn("could not read the kernel state of {}: {}", settings.name(), e.getMessage());
        }
    }

    private void onPppd(PppdEvent event) {
        if (!event.name().equals(settings.name())) return;
        Instant now = clock.instant();
        if (event.kind() == PppdEvent.Kind.DOWN) {
            apply(tracker.pppdDown("pppd ipv6-down", now));
        } else {
            Optional<PppdProcess> process = PppdProcess.find(event.session().pid());
            if (process.isEmpty()) {
                log.info("{}: pppd process {} from the ipv6-up is not running; ignoring it", settings.name(), event.session().pid());
                return;
            }
            pppdProcess = process;
            apply(tracker.pppdUp(event, now));
        }
        watchPppdProcess();
    }

    private void watchPppdProcess() {
        cancel(pppdCheck);
        pppdCheck = null;
        if (tracker.pppdPid().isEmpty() || pppdProcess.isEmpty()) return;
        pppdCheck = executor.scheduleWithFixedDelay(() -> {
            PppdProcess p = pppdProcess.orElse(null);
            if (p == null || p.isAlive()) return;
            log.info("{}: pppd process {} is gone", settings.name(), p.pid());
            pppdProcess = Optional.empty();
            apply(tracker.pppdDown("pppd process " + p.pid() + " exited", clock.instant()));
            watchPppdProcess();
        }, 0, PPPD_CHECK_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void apply(LinkTracker.Decision decision) {
        for (LinkChange change : decision.changes()) {
            if (change instanceof LinkChange.Up up) {
                register(up.link());
                log.info("{} is up: local {}{}", up.link().name(), LinkLocal.format(up.link().local()),
                        up.link().peer().map(p -> ", peer " + LinkLocal.format(p)).orElse(""));
                post(Topics.LINK_UP, up.link(), up.reason());
            } else if (change instanceof LinkChange.Changed changed) {
                unregister();
                register(changed.link());
                log.info("{} changed: local {}{}{}", changed.link().name(), LinkLocal.format(changed.link().local()),
                        changed.link().peer().map(p -> ", peer " + LinkLocal.format(p)).orElse(""),
                        changed.link().pppd().map(p -> ", pppd pid " + p.pid()).orElse(""));
                post(Topics.LINK_CHANGED, changed.link(), changed.reason());
            } else if (change instanceof LinkChange.Returned returned) {
                returns++;
                if (registration != null) registration.setProperties(properties(returned.link()));
                log.info("{} is back within the debounce ({} time(s) since it came up)", returned.link().name(), returns);
            } else if (change instanceof LinkChange.Down down) {
                unregister();
                log.info("{} is down: {}", down.link().name(), down.reason());
                post(Topics.LINK_DOWN, down.link(), down.reason());
            }
        }
        cancel(wakeUp);
        wakeUp = decision.wakeAt().map(at -> executor.schedule(() -> apply(tracker.tick(clock.instant())),
                Math.max(0, Duration.between(clock.instant(), at).toMillis()), TimeUnit.MILLISECONDS)).orElse(null);
        status = tracker.status();
    }

    private void register(WanLink link) {
        returns = 0;
        registration = context.registerService(WanLink.class, link, properties(link));
    }

    private java.util.Dictionary<String, Object> properties(WanLink link) {
        java.util.Dictionary<String, Object> props = link.serviceProperties();
        props.put(WanLink.PROP_RETURNS, returns);
        return props;
    }

    private void unregister() {
        if (registration == null) return;
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the bundle is stopping
        }
        registration = null;
    }

    private void post(String topic, WanLink link, String reason) {
        Map<String, Object> props = new HashMap<>();
        props.put(Topics.PROP_INTERFACE, link.name().value());
        props.put(Topics.PROP_REASON, reason);
        props.put(Topics.PROP_LOCAL, LinkLocal.format(link.local()));
        link.peer().ifPresent(p -> props.put(Topics.PROP_PEER, LinkLocal.format(p)));
        events.postEvent(new Event(topic, props));
    }

    private static void cancel(ScheduledFuture<?> future) {
        if (future != null) future.cancel(false);
    }
}
