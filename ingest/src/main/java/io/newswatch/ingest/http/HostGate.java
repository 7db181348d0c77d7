package io.newswatch.ingest.http;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Politeness towards each host: one request at a time, and at least {@code delay} between the end of
 * one request and the start of the next.
 */
final class HostGate {

    private final Duration delay;
    private final ConcurrentMap<String, Slot> slots = new ConcurrentHashMap<>();

    HostGate(Duration delay) {
        this.delay = delay;
    }

    /** Waits for the host's turn; the caller must {@link #leave} it in a finally block. */
    void enter(String host) throws InterruptedException {
        Slot slot = slots.computeIfAbsent(host, h -> new Slot());
        slot.lock.lockInterruptibly();
        long wait = slot.notBeforeNanos - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                slot.lock.unlock();
                throw e;
            }
        }
    }

    void leave(String host) {
        Slot slot = slots.get(host);
        slot.notBeforeNanos = System.nanoTime() + delay.toNanos();
        slot.lock.unlock();
    }

    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock(true);
        volatile long notBeforeNanos;
    }
}
