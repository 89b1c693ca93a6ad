package org.prefixd.it.osgi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;

/**
 * Records the service events of the services matching a filter, with the time each was seen
 * (listeners are called synchronously, on the thread that registers or unregisters).
 */
final class ServiceEventLog implements ServiceListener, AutoCloseable {
    /** One event: REGISTERED, MODIFIED or UNREGISTERING, the service's id and properties. */
    record Entry(int type, long nanos, long serviceId, Map<String, Object> properties) {
        boolean registered() {
            return type == ServiceEvent.REGISTERED;
        }

        boolean unregistering() {
            return type == ServiceEvent.UNREGISTERING;
        }

        @Override
        public String toString() {
            String kind = switch (type) {
                case ServiceEvent.REGISTERED -> "REGISTERED";
                case ServiceEvent.UNREGISTERING -> "UNREGISTERING";
                case ServiceEvent.MODIFIED -> "MODIFIED";
                default -> "type " + type;
            };
            return kind + " service.id=" + serviceId;
        }
    }

    private final BundleContext context;
    private final List<Entry> entries = new ArrayList<>();

    private ServiceEventLog(BundleContext context) {
        this.context = context;
    }

    static ServiceEventLog of(BundleContext context, String filter) throws InvalidSyntaxException {
        ServiceEventLog log = new ServiceEventLog(context);
        context.addServiceListener(log, filter);
        return log;
    }

    @Override
    public void serviceChanged(ServiceEvent event) {
        long now = System.nanoTime();
        ServiceReference<?> ref = event.getServiceReference();
        Map<String, Object> properties = new HashMap<>();
        for (String key : ref.getPropertyKeys()) properties.put(key, ref.getProperty(key));
        synchronized (entries) {
            entries.add(new Entry(event.getType(), now, (Long) ref.getProperty(Constants.SERVICE_ID), properties));
            entries.notifyAll();
        }
    }

    List<Entry> entries() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    /** Waits on the log's monitor until the entries so far satisfy the condition. */
    List<Entry> await(String what, Duration timeout, Predicate<List<Entry>> condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (entries) {
            while (!condition.test(entries)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new AssertionError("waited " + timeout.toMillis() + " ms for " + what + "; service events seen: " + entries);
                entries.wait(Math.max(1, left / 1_000_000));
            }
            return List.copyOf(entries);
        }
    }

    @Override
    public void close() {
        context.removeServiceListener(this);
    }
}
