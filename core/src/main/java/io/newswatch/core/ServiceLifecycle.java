package io.newswatch.core;

import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps a service alive until SIGTERM / Ctrl-C, then closes its parts in reverse order. */
public final class ServiceLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ServiceLifecycle.class);

    private ServiceLifecycle() {
    }

    /** Blocks until the JVM is asked to stop; {@code parts} are closed last-first by the shutdown hook. */
    public static void runUntilShutdown(String service, List<? extends AutoCloseable> parts) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("{}: shutting down", service);
            closeAll(parts);
            stopped.countDown();
        }, service + "-shutdown"));
        log.info("{}: running; stop with SIGTERM or Ctrl-C", service);
        stopped.await();
    }

    /** Closes {@code parts} last-first, logging rather than propagating failures so that all get closed. */
    public static void closeAll(List<? extends AutoCloseable> parts) {
        for (int i = parts.size() - 1; i >= 0; i--) {
            try {
                parts.get(i).close();
            } catch (Exception e) {
                log.warn("Error while closing {}", parts.get(i), e);
            }
        }
    }
}
