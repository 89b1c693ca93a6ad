package org.prefixd.daemon.osgi;

import java.util.HashMap;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.launch.Framework;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.prefixd.api.ConfigReload;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Makes the JVM behave like a daemon: SIGTERM and SIGINT stop the OSGi framework cleanly (every
 * component deactivates) and exit with 0 — the bnd launcher alone would just kill the JVM with
 * 143; SIGHUP rescans the configuration directory at once.
 */
@Component(immediate = true, service = {})
public final class SignalsComponent {
    private static final long STOP_TIMEOUT_MILLIS = 4000;

    private final BundleContext context;
    private final Logger log;
    private final Thread shutdownHook;
    private final Map<Signal, SignalHandler> previous = new HashMap<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ConfigReload reload;

    @Activate
    public SignalsComponent(BundleContext context, @Reference(service = LoggerFactory.class) Logger log) {
        this.context = context;
        this.log = log;
        this.shutdownHook = new Thread(this::stopFramework, "prefixd-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        SignalHandler exit = signal -> {
            log.info("SIG{}: stopping", signal.getName());
            // exit(0) runs the shutdown hook, which stops the framework; a later exit call of the
            // launcher then waits and cannot change the status.
            Thread exiter = new Thread(() -> System.exit(0), "prefixd-exit");
            exiter.start();
        };
        install("TERM", exit);
        install("INT", exit);
        install("HUP", signal -> reloadNow());
    }

    @Deactivate
    void deactivate() {
        previous.forEach(Signal::handle);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook itself is stopping us
        }
    }

    private void install(String name, SignalHandler handler) {
        try {
            Signal signal = new Signal(name);
            SignalHandler before = Signal.handle(signal, handler);
            previous.put(signal, before);
            // A signal ignored when the JVM started (nohup, some supervisors) stays ignored.
            // (SIGINT is ignored for every background job of a shell script: not worth a warning.)
            if (before == SignalHandler.SIG_IGN && !name.equals("INT"))
                log.warn("SIG{} was ignored when prefixd started (nohup?) and stays ignored{}", name,
                        name.equals("HUP") ? "; use 'prefixd reload' instead" : "");
        } catch (IllegalArgumentException e) {
            log.warn("cannot handle SIG{}: {}", name, e.getMessage());
        }
    }

    private void reloadNow() {
        ConfigReload current = reload;
        if (current == null) {
            log.warn("SIGHUP: no configuration loader is running; nothing reloaded");
            return;
        }
        new Thread(() -> {
            var problems = current.rescan();
            if (problems.isEmpty()) log.info("SIGHUP: configuration rescanned");
            else log.warn("SIGHUP: configuration rescanned with {} problem(s); those files keep their previous configuration", problems.size());
        }, "prefixd-reload").start();
    }

    private void stopFramework() {
        Framework framework = (Framework) context.getBundle(0);
        try {
            framework.stop();
            framework.waitForStop(STOP_TIMEOUT_MILLIS);
        } catch (BundleException | IllegalStateException e) {
            // already stopping
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
