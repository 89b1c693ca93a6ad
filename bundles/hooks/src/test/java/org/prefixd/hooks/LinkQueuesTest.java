package org.prefixd.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.prefixd.api.InterfaceName;

class LinkQueuesTest {
    private static final InterfaceName WAN0 = InterfaceName.of("wan0");
    private static final InterfaceName WAN1 = InterfaceName.of("wan1");

    @Test
    void aBlockedLinkDelaysOnlyItselfAndKeepsItsOrder() throws Exception {
        LinkQueues queues = new LinkQueues();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch otherRan = new CountDownLatch(1);
        List<String> order = new CopyOnWriteArrayList<>();
        queues.submit(WAN0, () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            order.add("a");
        });
        queues.submit(WAN0, () -> order.add("b"));
        queues.submit(WAN1, otherRan::countDown);
        assertTrue(otherRan.await(10, TimeUnit.SECONDS), "wan1 ran while wan0 was blocked");
        assertEquals(List.of(), order);
        release.countDown();
        CountDownLatch done = new CountDownLatch(1);
        queues.submit(WAN0, done::countDown);
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertEquals(List.of("a", "b"), order);
        queues.close(true);
    }

    @Test
    void aFullQueueRefusesAndAClosedOneToo() throws Exception {
        LinkQueues queues = new LinkQueues();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        assertTrue(queues.submit(WAN0, () -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        started.await(10, TimeUnit.SECONDS);
        for (int i = 0; i < LinkQueues.DEPTH; i++) assertTrue(queues.submit(WAN0, () -> { }));
        assertFalse(queues.submit(WAN0, () -> { }));
        assertEquals(LinkQueues.DEPTH, queues.close(true));
        assertFalse(queues.submit(WAN1, () -> { }));
    }

    @Test
    void closedForAnUpdateTheWaitingRunsStillGoInOrder() throws Exception {
        LinkQueues queues = new LinkQueues();
        CountDownLatch release = new CountDownLatch(1);
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(2);
        queues.submit(WAN0, () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                order.add("interrupted");
                return;
            }
            order.add("a");
            done.countDown();
        });
        queues.submit(WAN0, () -> {
            order.add("b");
            done.countDown();
        });
        assertEquals(1, queues.close(false), "one run had not started");
        assertFalse(queues.submit(WAN0, () -> { }), "no new runs");
        release.countDown();
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertEquals(List.of("a", "b"), order);
    }
}
