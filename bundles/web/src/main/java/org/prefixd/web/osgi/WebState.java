package org.prefixd.web.osgi;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import org.prefixd.api.ConfigReload;
import org.prefixd.api.InterfaceName;
import org.prefixd.api.LanClient;
import org.prefixd.api.LanClientMonitor;
import org.prefixd.api.LanPrefix;
import org.prefixd.api.LinkMonitor;
import org.prefixd.api.LinkStatus;
import org.prefixd.api.SessionControl;
import org.prefixd.api.SessionMonitor;
import org.prefixd.api.SessionStatus;
import org.prefixd.api.Topics;
import org.prefixd.api.WanLease;
import org.prefixd.web.EventHub;
import org.prefixd.web.EventJournal;
import org.prefixd.web.Json;

/**
 * What the page, the event stream and the shell commands show and do: every prefixd/* event
 * into the journal and to the stream's clients; the state snapshot from the services; renew,
 * release and reload through the client's and the config bundle's services.
 */
@Component(service = {WebState.class, EventHandler.class}, configurationPid = "prefixd.web", configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = EventConstants.EVENT_TOPIC + "=prefixd/*")
@Designate(ocd = WebConfig.class)
public final class WebState implements EventHandler {
    /** How many of the last events the snapshot carries, for the page's "last events". */
    static final int RECENT_EVENTS = 20;
    private final Logger log;
    private final Clock clock = Clock.systemUTC();
    private final EventJournal journal;
    private final EventHub hub;
    final Duration keepAlive;
    private volatile String radvd; // the last prefixd/radvd/* event, as JSON

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<LinkMonitor> linkMonitors = List.of();
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<SessionMonitor> sessionMonitors = List.of();
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<SessionControl> sessionControls = List.of();
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<WanLease> leases = List.of();
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<LanPrefix> lanPrefixes = List.of();
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<LanClientMonitor> lanClientMonitors = List.of();
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ConfigReload reload;

    @Activate
    public WebState(WebConfig config, @Reference(service = LoggerFactory.class) Logger log) {
        this.log = log;
        // Ids from 1000 per millisecond of the clock: a journal made later (a new configuration, an
        // update, a restart) never hands out an id an earlier one gave, so resumption cannot mix them up.
        this.journal = new EventJournal(within("journal", config.journal(), 16, 100_000), clock.millis() * 1000);
        this.hub = new EventHub(within("max.clients", config.max_clients(), 1, 256), within("client.queue", config.client_queue(), 8, 10_000));
        this.keepAlive = Duration.ofSeconds(within("keepalive", config.keepalive(), 1, 55));
    }

    private int within(String name, int value, int min, int max) {
        if (value >= min && value <= max) return value;
        int used = Math.max(min, Math.min(max, value));
        log.error("prefixd.web: {}: {} is outside {}..{}; {} is used", name, value, min, max, used);
        return used;
    }

    @Deactivate
    void deactivate() {
        hub.closeAll();
    }

    @Override
    public void handleEvent(Event event) {
        Map<String, Object> props = new HashMap<>();
        for (String name : event.getPropertyNames()) props.put(name, event.getProperty(name));
        String link = props.get(Topics.PROP_INTERFACE) instanceof String s ? s : "";
        EventJournal.Entry entry;
        int dropped;
        // Event Admin delivers events of different posting threads on two threads at once: the ids
        // and what the stream's clients get must follow one order (a reader saw 165 before 164).
        synchronized (journal) {
            String mac = props.get(Topics.PROP_MAC) instanceof String m ? m : "";
            entry = journal.append(link, mac, id -> org.prefixd.documents.EventDocument.event(id, clock.instant(), event.getTopic(), props));
            dropped = hub.publish(entry);
        }
        if (event.getTopic().startsWith("prefixd/radvd/")) radvd = entry.json();
        if (dropped > 0) log.warn("event stream: dropped {} client(s) that stopped reading", dropped);
    }

    EventJournal journal() {
        return journal;
    }

    EventHub hub() {
        return hub;
    }

    String stateJson(Optional<String> link) {
        List<String> recent = journal.last(RECENT_EVENTS, link).stream().map(EventJournal.Entry::json).toList();
        List<LanClient> clients = new ArrayList<>();
        for (LanClientMonitor m : lanClientMonitors) clients.addAll(m.lanClients());
        return Json.state(clock.instant(), link, links(), sessions(), List.copyOf(leases), List.copyOf(lanPrefixes), clients, Optional.ofNullable(radvd),
                recent, journal.lastId(), hub.clients());
    }

    List<LinkStatus> links() {
        List<LinkStatus> links = new ArrayList<>();
        for (LinkMonitor m : linkMonitors) links.addAll(m.links());
        return links;
    }

    List<SessionStatus> sessions() {
        List<SessionStatus> sessions = new ArrayList<>();
        for (SessionMonitor m : sessionMonitors) sessions.addAll(m.sessions());
        return sessions;
    }

    List<LanPrefix> lanPrefixes() {
        return List.copyOf(lanPrefixes);
    }

    /** @return what the client did, or why nothing happened */
    String act(String action, String link) {
        String problem = InterfaceName.problemWith(link);
        if (problem != null) return "not a link: " + problem;
        InterfaceName name = InterfaceName.of(link);
        for (SessionControl c : sessionControls) {
            Optional<String> done = action.equals("renew") ? c.renew(name) : c.release(name);
            if (done.isPresent()) {
                log.info("{} {} from the web console or shell: {}", action, link, done.get());
                return done.get();
            }
        }
        return "no DHCPv6 client serves " + link;
    }

    /** @return the problems, one per line; empty when every file was applied */
    Optional<List<String>> reload() {
        ConfigReload r = reload;
        return r == null ? Optional.empty() : Optional.of(r.rescan());
    }
}
