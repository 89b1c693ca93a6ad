package org.prefixd.radvd.osgi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
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
import org.prefixd.api.AtomicFile;
import org.prefixd.api.Coalescer;
import org.prefixd.api.Directories;
import org.prefixd.api.LanPrefix;
import org.prefixd.api.LanSettings;
import org.prefixd.api.Topics;
import org.prefixd.api.WanLease;
import org.prefixd.radvd.Adverts;
import org.prefixd.radvd.LanAdvert;
import org.prefixd.radvd.RadvdConf;

/**
 * The RA writer: follows the LanPrefix, LanSettings and WanLease services, renders radvd.conf
 * when what is advertised changes (bursts coalesced; the same adverts are not written again),
 * has radvd check it (--configtest) before it replaces the old file atomically, then makes radvd
 * read it (SIGHUP), starting radvd first in supervise mode. A file radvd refuses leaves the old
 * one in place, with radvd's words in the log. A bundle update leaves radvd running: the next
 * instance finds it by its pid file, so the LAN hosts see no gap.
 */
@Component(configurationPid = "prefixd.radvd", configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
@Designate(ocd = RadvdConfig.class)
public final class RadvdComponent {
    static final String MARK = "# Written by prefixd";

    private final BundleContext context;
    private final Logger log;
    private final Path conf;
    private final boolean overwrite;
    private final RadvdProcess radvd;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "prefixd-radvd");
        t.setDaemon(true);
        return t;
    });
    /** The forms of file radvd accepted (RadvdConf.form), the newest few: worker thread. */
    private final java.util.Set<String> acceptedForms = java.util.Collections.newSetFromMap(new java.util.LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, Boolean> eldest) {
            return size() > 16;
        }
    });
    /**
     * Bursts of service changes make one run, shortly after the first: the distributor registers
     * a change's LAN prefixes in one go, microseconds apart, so a millisecond gathers them. A
     * LAN's reconfiguration (unbound, then bound again milliseconds later) waits longer.
     */
    private final Coalescer coalescer = new Coalescer(worker, Duration.ofMillis(1), this::write);
    private static final Duration LAN_BURST = Duration.ofMillis(50);
    private final List<LanPrefix> prefixes = new CopyOnWriteArrayList<>();
    private final List<LanSettings> lans = new CopyOnWriteArrayList<>();
    private final List<WanLease> leases = new CopyOnWriteArrayList<>();
    private volatile List<LanAdvert> written; // worker thread; read by the radvd supervisor
    private java.time.Instant writtenAt = java.time.Instant.MIN; // worker thread
    private boolean refreshPending; // worker thread
    private java.time.Instant missedSince; // worker thread: when something advertised first went missing
    /** How long something advertised may be missing before the RAs leave it out (a bundle update). */
    static final java.time.Duration GRACE = java.time.Duration.ofSeconds(10);
    /** At most this often for renewed lifetimes alone. */
    static final java.time.Duration REFRESH = java.time.Duration.ofSeconds(60);

    /**
     * How long renewed lifetimes alone may wait to be written: {@link #REFRESH}, or half of the
     * shortest lifetime last written if that is shorter (at least 1 s), so that radvd's
     * count-down never lets a LAN host's address become deprecated or run out while the lease
     * still holds the prefix (lifetimes of seconds: an ISP's short lease, a test).
     */
    static java.time.Duration refreshAfter(List<LanAdvert> written, java.time.Instant writtenAt) {
        java.time.Duration shortest = REFRESH.multipliedBy(2);
        for (LanAdvert a : written)
            for (LanAdvert.PrefixAdvert p : a.prefixes()) {
                java.time.Instant until = p.preferredUntil().isAfter(writtenAt) ? p.preferredUntil() : p.validUntil();
                java.time.Duration left = java.time.Duration.between(writtenAt, until);
                if (left.compareTo(shortest) < 0) shortest = left;
            }
        java.time.Duration half = shortest.dividedBy(2);
        if (half.compareTo(java.time.Duration.ofSeconds(1)) < 0) return java.time.Duration.ofSeconds(1);
        return half.compareTo(REFRESH) > 0 ? REFRESH : half;
    }

    @Activate
    public RadvdComponent(BundleContext context, RadvdConfig config, @Reference(service = LoggerFactory.class) Logger log) throws IOException {
        this.context = context;
        this.log = log;
        Path run = Directories.run(context.getProperty(Directories.RUN_PROPERTY));
        this.conf = config.conf() == null || config.conf().isBlank() ? run.resolve("radvd.conf") : Path.of(config.conf()).toAbsolutePath();
        this.overwrite = config.overwrite();
        boolean supervise = switch (config.mode() == null ? "" : config.mode()) {
            case "supervise" -> true;
            case "signal" -> false;
            default -> {
                log.error("prefixd.radvd: mode: '{}' is not supervise or signal", config.mode());
                throw new IllegalArgumentException("prefixd.radvd: mode: '" + config.mode() + "' is not supervise or signal");
            }
        };
        Path pid = config.pid_file() == null || config.pid_file().isBlank() ? (supervise ? run.resolve("radvd.pid") : Path.of("/run/radvd.pid"))
                : Path.of(config.pid_file()).toAbsolutePath();
        String program;
        try {
            program = RadvdProcess.find(config.radvd());
        } catch (IllegalStateException e) {
            log.error("{}", e.getMessage()); // SCR's own report would hide it
            throw e;
        }
        // Hosts keep their addresses through a crash loop: radvd is never down longer than half the lifetimes it advertises.
        this.radvd = new RadvdProcess(program, conf, pid, supervise, log, () -> {
            List<LanAdvert> last = written;
            return last == null ? REFRESH : refreshAfter(last, clock.instant());
        });
        Files.createDirectories(conf.getParent());
        // A second after the start: the start's own work (up to the first WanLink) goes first.
        worker.schedule(org.prefixd.radvd.Warmup::run, 1, TimeUnit.SECONDS);
        changed();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin events;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindPrefix(LanPrefix p) {
        prefixes.add(p);
        changed();
    }

    void unbindPrefix(LanPrefix p) {
        prefixes.remove(p);
        changed();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindLan(LanSettings s) {
        lans.add(s);
        coalescer.trigger(LAN_BURST);
    }

    void unbindLan(LanSettings s) {
        lans.remove(s);
        coalescer.trigger(LAN_BURST);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindLease(WanLease l) {
        leases.add(l);
        changed();
    }

    void unbindLease(WanLease l) {
        leases.remove(l);
        changed();
    }

    private void changed() {
        coalescer.trigger();
    }

    private void write() {
        try {
            List<LanAdvert> adverts = Adverts.of(List.copyOf(lans), List.copyOf(prefixes), List.copyOf(leases));
            java.time.Instant now = clock.instant();
            // A deprecated prefix is written without radvd's count-down: written again every REFRESH, its valid lifetime decreases.
            boolean runDown = written != null && hasDeprecated(written) && !now.isBefore(writtenAt.plus(REFRESH));
            if (adverts.equals(written) && !runDown) {
                missedSince = null;
                return;
            }
            if (written != null && Adverts.drops(written, adverts)) {
                // Something went away: during a bundle update of pd or of the DHCPv6 client it comes back
                // in a moment, and the hosts must see nothing of it. Only after GRACE is it gone for good.
                if (missedSince == null) {
                    missedSince = now;
                    worker.schedule(this::write, GRACE.toMillis(), TimeUnit.MILLISECONDS);
                    return;
                }
                if (now.isBefore(missedSince.plus(GRACE))) return;
            }
            missedSince = null;
            if (!runDown && written != null && Adverts.onlyLonger(written, adverts) && now.isBefore(writtenAt.plus(refreshAfter(written, writtenAt)))) {
                // Renewed lifetimes only: radvd's count-down promises less, never more. Each rewrite
                // restarts radvd's RA timers, so renewals (seconds apart in a test) wait a little.
                if (!refreshPending) {
                    refreshPending = true;
                    worker.schedule(() -> {
                        refreshPending = false;
                        write();
                    }, java.time.Duration.between(now, writtenAt.plus(refreshAfter(written, writtenAt))).toMillis(), TimeUnit.MILLISECONDS);
                }
                return;
            }
            if (adverts.isEmpty()) {
                // radvd refuses a file without interfaces: it is not started for nothing, and
                // one started for earlier prefixes is stopped (its last RAs end the router's role).
                if (written != null) {
                    radvd.stopAdvertising();
                    post(Topics.RADVD_STOPPED, "", "no LAN has a prefix to advertise");
                }
                written = adverts;
                return;
            }
            if (Files.exists(conf) && !overwrite && !Files.readString(conf, StandardCharsets.UTF_8).startsWith(MARK)) {
                log.error("{} exists and was not written by prefixd: left alone (set overwrite = true in prefixd.radvd to replace it)", conf);
                return;
            }
            String text = RadvdConf.render(adverts, now);
            Path temporary = AtomicFile.prepare(conf, text.getBytes(StandardCharsets.UTF_8));
            // radvd --configtest is a process (milliseconds): once per form of the file
            String form = RadvdConf.form(text);
            String refused = acceptedForms.contains(form) ? null : radvd.configtest(temporary);
            if (refused == null) acceptedForms.add(form);
            if (refused != null) {
                Files.deleteIfExists(temporary);
                log.error("radvd refused the new configuration, the previous one stays: {}", refused);
                post(Topics.RADVD_REFUSED, "", refused);
                return;
            }
            AtomicFile.commit(temporary, conf);
            written = adverts;
            writtenAt = now;
            if (hasDeprecated(adverts)) worker.schedule(this::write, REFRESH.toMillis(), TimeUnit.MILLISECONDS);
            int prefixCount = 0;
            StringBuilder lanNames = new StringBuilder();
            for (LanAdvert a : adverts) { // plain loops on the first lease's path, where a lambda's first call costs a bootstrap
                prefixCount += a.prefixes().size();
                lanNames.append(lanNames.length() == 0 ? "" : " ").append(a.lan().value());
            }
            log.info("radvd.conf: {} LAN(s), {} prefix(es)", adverts.size(), prefixCount);
            radvd.reload();
            post(Topics.RADVD_WRITTEN, lanNames.toString(), adverts.size() + " LAN(s), " + prefixCount + " prefix(es)");
        } catch (IOException | RuntimeException e) {
            log.error("radvd configuration not written: {}", e.toString());
        }
    }

    /** For the web console and the event stream; radvd works without Event Admin. */
    private void post(String topic, String lans, String reason) {
        EventAdmin ea = events;
        if (ea != null) ea.postEvent(new Event(topic, Map.of(Topics.PROP_INTERFACE, lans, Topics.PROP_REASON, reason)));
    }

    private static boolean hasDeprecated(List<LanAdvert> adverts) {
        for (LanAdvert a : adverts)
            for (LanAdvert.PrefixAdvert p : a.prefixes()) if (p.preferredUntil().equals(java.time.Instant.EPOCH)) return true;
        return false;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        worker.shutdownNow();
        worker.awaitTermination(2, TimeUnit.SECONDS);
        // Only when prefixd itself stops: radvd then sends its final RAs. A bundle update leaves it running.
        if (context.getBundle(0).getState() == Bundle.STOPPING) radvd.stop();
        radvd.close();
    }
}
