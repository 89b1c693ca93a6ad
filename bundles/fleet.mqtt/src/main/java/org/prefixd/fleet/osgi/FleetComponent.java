package org.prefixd.fleet.osgi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.prefixd.api.ConfigFiles;
import org.prefixd.api.ConfigReload;
import org.prefixd.api.Directories;
import org.prefixd.api.LanClientMonitor;
import org.prefixd.api.LinkMonitor;
import org.prefixd.api.SessionControl;
import org.prefixd.api.SessionMonitor;
import org.prefixd.api.WarnLimiter;
import org.prefixd.documents.EventDocument;
import org.prefixd.documents.StatusReport;
import org.prefixd.fleet.CommandHandler;
import org.prefixd.fleet.CommandReader;
import org.prefixd.fleet.EventBacklog;
import org.prefixd.fleet.FleetCommand;
import org.prefixd.fleet.FleetSettings;
import org.prefixd.fleet.FleetTopics;
import org.prefixd.fleet.Reconnect;
import org.prefixd.fleet.RouterId;
import org.prefixd.fleet.StateThrottle;

/**
 * prefixd on a fleet's MQTT broker (README, "Fleet"): the status document retained on
 * {@code …/state}, every prefixd/* event on {@code …/events} in order with its id, the online flag,
 * and the commands of {@code …/cmd/<name>} answered on {@code …/reply/<id>}. Everything runs on
 * its own thread: the broker gone, slow or refusing costs the DHCPv6 client, the LANs and the
 * hooks nothing; an event waits in a bounded backlog.
 */
@Component(immediate = true, configurationPid = "prefixd.fleet", configurationPolicy = ConfigurationPolicy.REQUIRE, service = EventHandler.class,
        property = EventConstants.EVENT_TOPIC + "=prefixd/*")
@Designate(ocd = FleetConfig.class)
public final class FleetComponent implements EventHandler, BrokerLink.Listener {
    private final Logger log;
    private final Clock clock = Clock.systemUTC();
    private final FleetSettings settings;
    private final Path stateDir;
    private final ScheduledExecutorService loop;
    private final BrokerLink link;
    private final EventBacklog backlog;
    private final StateThrottle throttle;
    private final CommandHandler commands;
    private final WarnLimiter refusals = new WarnLimiter(30, "fleet command refusals");
    private long nextEventId;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<LinkMonitor> linkMonitors = new ArrayList<>();
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<SessionMonitor> sessionMonitors = new ArrayList<>();
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<LanClientMonitor> lanMonitors = new ArrayList<>();
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<SessionControl> sessionControls = new ArrayList<>();
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ConfigReload reload;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ConfigFiles files;

    @Activate
    public FleetComponent(BundleContext context, FleetConfig config, @Reference(service = LoggerFactory.class) Logger log) {
        this.log = log;
        try {
            this.settings = FleetSettings.of(config.brokers(), config.router_id(), config.topic_prefix(), config.tls_ca(), config.tls_cert(),
                    config.tls_key(), config.username(), config.password(), config.keepalive(), config.backlog(), config.state_interval());
        } catch (IllegalArgumentException e) {
            log.error("{}: not applied", e.getMessage()); // SCR's own report hides the reason
            throw e;
        }
        this.stateDir = Directories.state(context.getProperty(Directories.STATE_PROPERTY));
        this.backlog = new EventBacklog(settings.backlog());
        this.throttle = new StateThrottle(settings.stateInterval());
        this.commands = new CommandHandler(() -> List.copyOf(sessionControls), () -> Optional.ofNullable(reload), () -> Optional.ofNullable(files));
        // Ids from 1000 per millisecond of the clock, as the web page's stream: a later instance never repeats one.
        this.nextEventId = clock.millis() * 1000;
        this.loop = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "prefixd-fleet");
            t.setDaemon(true);
            return t;
        }) {
            @Override
            protected void afterExecute(Runnable task, Throwable thrown) { // a task's failure is logged, never lost in its Future
                if (thrown == null && task instanceof Future<?> f && f.isDone() && !f.isCancelled()) {
                    try {
                        f.get();
                    } catch (ExecutionException e) {
                        thrown = e.getCause();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                if (thrown != null) log.error("fleet: {}", thrown.toString(), thrown);
            }
        };
        // A stop ends the next reconnection attempt and the throttled state too: nothing waits for them.
        ((ScheduledThreadPoolExecutor) loop).setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.link = new BrokerLink(settings, this::topics, loop, log, this, new Reconnect(Duration.ofSeconds(1), Duration.ofSeconds(60),
                () -> ThreadLocalRandom.current().nextDouble()));
        link.start();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        loop.submit(link::close);
        loop.shutdown();
        if (!loop.awaitTermination(6, TimeUnit.SECONDS)) loop.shutdownNow();
    }

    /** The router's topics: its id configured, or derived from the DUID the DHCPv6 client keeps. */
    private Optional<FleetTopics> topics() {
        if (settings.routerId().isPresent()) return Optional.of(new FleetTopics(settings.topicPrefix(), settings.routerId().get()));
        try {
            Path duid = stateDir.resolve("duid");
            if (!Files.isRegularFile(duid) || Files.size(duid) > 300) return Optional.empty();
            return Optional.of(new FleetTopics(settings.topicPrefix(), RouterId.fromDuid(Files.readString(duid, StandardCharsets.US_ASCII).strip().toLowerCase())));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** EventAdmin's thread: rendered and queued here, sent from the fleet's thread. */
    @Override
    public void handleEvent(Event event) {
        Map<String, Object> props = new HashMap<>();
        for (String name : event.getPropertyNames()) props.put(name, event.getProperty(name));
        Instant now = clock.instant();
        try {
            loop.execute(() -> {
                backlog.add(EventDocument.event(nextEventId++, now, event.getTopic(), props));
                flush();
                stateChanged();
            });
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // deactivated: the next instance reports the state afresh
        }
    }

    @Override
    public void connected() {
        publishState();
        flush();
    }

    @Override
    public void lost() {
        backlog.lost();
    }

    @Override
    public void delivered(Object context) {
        if (context instanceof Long seq) {
            backlog.delivered(seq);
            flush();
        }
    }

    /** Sends what waits, oldest first, as far as the broker takes it now; a count of the dropped ones first. */
    private void flush() {
        if (!link.connected()) return;
        long dropped = backlog.takeDropped();
        if (dropped > 0) {
            log.warn("fleet: {} events were dropped while the broker was away (backlog {})", dropped, settings.backlog());
            String note = EventDocument.dropped(nextEventId++, clock.instant(), dropped);
            link.publish(link.topics().events(), note.getBytes(StandardCharsets.UTF_8), true, null);
        }
        for (Optional<EventBacklog.Entry> next = backlog.next(); next.isPresent(); next = backlog.next()) {
            EventBacklog.Entry e = next.get();
            // Retained: a controller that subscribes later sees each router's last event at once.
            if (!link.publish(link.topics().events(), e.event().getBytes(StandardCharsets.UTF_8), true, e.seq())) {
                backlog.lost(); // not taken now: again after the next acknowledgement or connection
                return;
            }
        }
    }

    private void stateChanged() {
        Instant now = clock.instant();
        throttle.changed(now).ifPresent(due -> loop.schedule(this::publishState, Math.max(0, Duration.between(now, due).toMillis()), TimeUnit.MILLISECONDS));
    }

    private void publishState() {
        throttle.published(clock.instant());
        if (!link.connected()) return;
        link.publish(link.topics().state(), statusDocument().getBytes(StandardCharsets.UTF_8), true, null);
    }

    /** The same document as {@code prefixd status --json}. */
    private String statusDocument() {
        return StatusReport.of(linkMonitors, sessionMonitors, lanMonitors, clock.instant()).toJson().toString();
    }

    @Override
    public void command(String topic, byte[] payload, boolean retained) {
        FleetTopics topics = link.topics();
        Optional<String> name = topics.commandOf(topic);
        if (name.isEmpty()) {
            refusals.warn(log::warn, "fleet: a message on " + org.prefixd.api.SafeText.printable(topic) + " is no command of this router: dropped");
            return;
        }
        if (retained) {
            refusals.warn(log::warn, "fleet: a retained " + name.get() + " command is not run (it would run again on every connection): clear it on the broker");
            return;
        }
        FleetCommand.Parsed parsed = CommandReader.parse(name.get(), payload);
        if (parsed.refused().isPresent()) {
            FleetCommand.Refused refused = parsed.refused().get();
            refusals.warn(log::warn, "fleet: " + name.get() + " refused: " + refused.why());
            refused.requestId().ifPresent(id -> reply(topics, id, CommandHandler.refused(id, refused.why()).toString()));
            return;
        }
        FleetCommand command = parsed.command().orElseThrow();
        log.info("fleet: {} {} from the broker", name.get(), command.requestId());
        reply(topics, command.requestId(), commands.run(command).toString());
    }

    private void reply(FleetTopics topics, String requestId, String json) {
        if (!link.publish(topics.reply(requestId), json.getBytes(StandardCharsets.UTF_8), false, null))
            log.warn("fleet: the reply to {} could not be sent (the broker is away)", requestId);
    }
}
