package org.prefixd.hooks;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.prefixd.api.InterfaceName;

/**
 * One queue and one thread per WAN link: its scripts run one at a time in event order, and a
 * slow one delays only the later ones of the same link. A queue holds at most {@link #DEPTH}
 * runs; beyond that a run is refused (the caller logs it) rather than piling up behind a hung script.
 */
public final class LinkQueues {
    public static final int DEPTH = 64;
    private final Map<InterfaceName, ThreadPoolExecutor> queues = new HashMap<>();
    private boolean closed;

    /** @return false when the link's queue is full or the queues are closed */
    public synchronized boolean submit(InterfaceName link, Runnable run) {
        if (closed) return false;
        ThreadPoolExecutor queue = queues.get(link);
        if (queue == null) {
            queue = newQueue(link);
            queues.put(link, queue);
        }
        try {
            queue.execute(run);
            return true;
        } catch (RejectedExecutionException full) {
            return false;
        }
    }

    /** Classes, not lambdas: a link's first lease makes its queue, and a lambda's first call costs a bootstrap there. */
    private static ThreadPoolExecutor newQueue(InterfaceName link) {
        ThreadPoolExecutor queue = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(DEPTH), new ThreadFactory() {
            @Override
            public Thread newThread(Runnable run) {
                Thread t = new Thread(run, "prefixd-hook-" + link.value());
                t.setDaemon(true);
                return t;
            }
        });
        queue.allowCoreThreadTimeOut(true);
        return queue;
    }

    /**
     * Takes no more runs. With {@code interrupt} (prefixd stops), a script still running is
     * interrupted (and so killed with its group) and the runs waiting are dropped; without it (the
     * bundle is updated), the running and waiting runs still go, in their order, in the background.
     *
     * @return the runs that had not started
     */
    public int close(boolean interrupt) {
        Map<InterfaceName, ThreadPoolExecutor> all;
        synchronized (this) {
            closed = true;
            all = Map.copyOf(queues);
            queues.clear();
        }
        int dropped = 0;
        for (ThreadPoolExecutor e : all.values()) {
            if (interrupt) dropped += e.shutdownNow().size();
            else {
                dropped += e.getQueue().size();
                e.shutdown();
            }
        }
        return dropped;
    }
}
