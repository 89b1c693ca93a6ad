package org.prefixd.netconf;

import java.io.IOException;
import java.net.Inet6Address;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.prefixd.api.InterfaceName;
import org.prefixd.api.Ipv6Text;
import org.prefixd.api.NetConfig;
import org.prefixd.api.NetConfigException;
import org.prefixd.api.Prefix;
import org.prefixd.api.WarnLimiter;

/**
 * NetConfig through iproute2: changes through one long-lived `ip -batch` ({@link IpBatch}), reads
 * of the kernel's state (not on the lease's path) by an `ip` process each; the kernel's refusal in
 * the error. A change that fails (`ip` failing or missing) is reported to the caller and also tried
 * again with backoff ({@link Retries}) until it is made or a newer change to the same address or
 * route replaces it; the retries are logged at most ten times a minute.
 */
@Component(service = NetConfig.class, immediate = true)
public final class IpRoute2NetConfig implements NetConfig {
    private static final long TIMEOUT_SECONDS = 10;
    private final Logger log;
    private final Clock clock = Clock.systemUTC();
    private final Retries retries = new Retries(); // guarded by this
    private final WarnLimiter retryWarnings = new WarnLimiter();
    private final ScheduledExecutorService retrier = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "prefixd-netconf-retry");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> wake; // guarded by this
    /** Its own thread: a change tried again on the retrier's thread must still be timed out. */
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "prefixd-netconf-watchdog");
        t.setDaemon(true);
        return t;
    });
    private final IpBatch ip = new IpBatch(List.of("ip"), watchdog, TIMEOUT_SECONDS); // guarded by this

    @Activate
    public IpRoute2NetConfig(@Reference(service = LoggerFactory.class) Logger log) {
        this.log = log;
        retrier.execute(this::warmUp);
    }

    /**
     * Before the first change (a DHCPv6 Reply's): `ip` started and answering, and the path of a
     * change run once, with a made-up address whose lifetime is 0 (nothing left to set: no
     * command goes out) and a route's command built.
     */
    private void warmUp() {
        try {
            setAddress(InterfaceName.of("warmup0"), Ipv6Text.parse("2001:db8::1"), 128, 0, 0);
            IpCommands.setUnreachable(new Prefix(Ipv6Text.parse("2001:db8:100::"), 56));
            synchronized (this) {
                ip.ready();
            }
        } catch (NetConfigException e) { // the first change says it again, with its own command
            log.warn("iproute2 is not ready for address and route changes: {}", e.getMessage());
        }
    }

    @Deactivate
    void deactivate() {
        retrier.shutdownNow();
        synchronized (this) {
            ip.close();
            watchdog.shutdownNow();
            if (retries.waiting() > 0) log.warn("{} network change(s) still failing are not tried again", retries.waiting());
        }
    }

    @Override
    public void setAddress(InterfaceName dev, Inet6Address address, int prefixLength, long preferredSeconds, long validSeconds)
            throws NetConfigException {
        IpCommands.setAddress(dev, address, prefixLength, preferredSeconds, validSeconds); // bad arguments fail here, never retried
        Instant given = clock.instant();
        apply(new Change(addressTarget(dev, address, prefixLength), now -> {
            long elapsed = Math.max(0, Duration.between(given, now).getSeconds());
            long valid = remaining(validSeconds, elapsed);
            if (valid == 0) return Optional.empty();
            return Optional.of(IpCommands.setAddress(dev, address, prefixLength, Math.min(valid, remaining(preferredSeconds, elapsed)), valid));
        }, false));
    }

    @Override
    public void removeAddress(InterfaceName dev, Inet6Address address, int prefixLength) throws NetConfigException {
        List<String> command = IpCommands.removeAddress(dev, address, prefixLength);
        apply(Change.fixed(addressTarget(dev, address, prefixLength), command, true));
    }

    /** A process of its own, not the `ip -6` batch: rare (a DHCPv4 lease's changes) and of the other family. */
    @Override
    public void setAddress4(InterfaceName dev, java.net.Inet4Address address, int prefixLength, long validSeconds) throws NetConfigException {
        execute(IpCommands.setAddress4(dev, address, prefixLength, validSeconds), false);
    }

    @Override
    public void removeAddress4(InterfaceName dev, java.net.Inet4Address address, int prefixLength) throws NetConfigException {
        execute(IpCommands.removeAddress4(dev, address, prefixLength), true);
    }

    @Override
    public AddressState addressState(InterfaceName dev, Inet6Address address) throws NetConfigException {
        return IpCommands.addressState(execute(IpCommands.showAddresses(dev), false), address);
    }

    @Override
    public void setUnreachableRoute(Prefix prefix) throws NetConfigException {
        List<String> command = IpCommands.setUnreachable(prefix);
        apply(Change.fixed("route " + prefix, command, false));
    }

    @Override
    public void removeUnreachableRoute(Prefix prefix) throws NetConfigException {
        List<String> command = IpCommands.removeUnreachable(prefix);
        apply(Change.fixed("route " + prefix, command, true));
    }

    @Override
    public void setRoute(Prefix prefix, Inet6Address via, InterfaceName dev, long validSeconds) throws NetConfigException {
        IpCommands.setRoute(prefix, via, dev, validSeconds); // bad arguments fail here, never retried
        Instant given = clock.instant();
        apply(new Change("route " + prefix, now -> {
            long valid = validSeconds - Math.max(0, Duration.between(given, now).getSeconds());
            return valid < 1 ? Optional.empty() : Optional.of(IpCommands.setRoute(prefix, via, dev, valid));
        }, false));
    }

    @Override
    public void removeRoute(Prefix prefix, Inet6Address via, InterfaceName dev) throws NetConfigException {
        apply(Change.fixed("route " + prefix, IpCommands.removeRoute(prefix, via, dev), true));
    }

    private static String addressTarget(InterfaceName dev, Inet6Address address, int prefixLength) {
        return "address " + dev + " " + Ipv6Text.format(address) + "/" + prefixLength;
    }

    /** A lifetime given {@code elapsed} seconds ago, now; forever stays forever. */
    private static long remaining(long seconds, long elapsed) {
        return seconds == IpCommands.FOREVER ? seconds : Math.max(0, seconds - elapsed);
    }

    private synchronized void apply(Change change) throws NetConfigException {
        retries.supersede(change.target());
        Instant now = clock.instant();
        try {
            run(change, now);
        } catch (NetConfigException e) {
            Duration wait = retries.failed(change, now);
            wakeForRetries();
            throw new NetConfigException(e.getMessage() + "; tried again in " + wait.getSeconds() + " s");
        }
    }

    private synchronized void retryDue() {
        Instant now = clock.instant();
        for (Retries.Pending p : retries.due(now)) {
            try {
                run(p.change(), now);
                retries.done(p.change());
                log.info("{}: done at try {}", p.change().target(), p.failures() + 1);
            } catch (NetConfigException e) {
                Duration wait = retries.failed(p.change(), now);
                retryWarnings.warn(log::warn, e.getMessage() + " (try " + (p.failures() + 1) + "); tried again in " + wait.getSeconds() + " s");
            }
        }
        wakeForRetries();
    }

    /** Guarded by this. */
    private void wakeForRetries() {
        if (wake != null) wake.cancel(false);
        wake = null;
        Optional<Instant> next = retries.nextDue();
        if (next.isEmpty()) return;
        try {
            wake = retrier.schedule(this::retryDue, Math.max(0, Duration.between(clock.instant(), next.get()).toMillis()), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            // deactivated
        }
    }

    private void run(Change change, Instant now) throws NetConfigException {
        Optional<List<String>> command = change.command().apply(now);
        if (command.isEmpty()) return; // its lifetime ran out meanwhile: nothing to do
        ip.run(command.get(), change.removal());
        if (log.isDebugEnabled()) log.debug("{}", String.join(" ", command.get()));
    }

    /** The kernel refuses address and route changes to a process without CAP_NET_ADMIN: say so. */
    static String capabilityHint(String stderr) {
        return stderr.contains("Operation not permitted") ? " (prefixd needs CAP_NET_ADMIN for this: see its service's capabilities)" : "";
    }

    /** Runs one command and returns what it printed; a removal of something already gone counts as done. */
    static String execute(List<String> command, boolean removal) throws NetConfigException {
        String joined = String.join(" ", command);
        try {
            Process p = new ProcessBuilder(command).start();
            String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8); // a line or two
            String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new NetConfigException(joined + ": no answer in " + TIMEOUT_SECONDS + " s");
            }
            if (p.exitValue() == 0 || (removal && IpCommands.alreadyGone(stderr))) return stdout;
            throw new NetConfigException(joined + " failed (exit " + p.exitValue() + "): " + stderr + capabilityHint(stderr));
        } catch (IOException e) {
            throw new NetConfigException(joined + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetConfigException(joined + ": interrupted");
        }
    }
}
