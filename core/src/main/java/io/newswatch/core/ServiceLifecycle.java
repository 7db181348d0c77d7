package io.newswatch.core;

import java.io.IOException;
import java.net.BindException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newswatch.core.health.HealthIndicator;
import io.newswatch.core.health.HealthServer;
import io.newswatch.core.health.HealthSettings;
import io.newswatch.core.metrics.Telemetry;

/**
 * Keeps a service alive until SIGTERM / Ctrl-C, then closes its parts in reverse order. While it
 * runs, the service answers {@code /healthz}, {@code /readyz} and {@code /metrics} (see
 * {@link HealthSettings} for the port); the parts that implement {@link HealthIndicator} decide
 * liveness and readiness.
 */
public final class ServiceLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ServiceLifecycle.class);

    private ServiceLifecycle() {
    }

    /** Blocks until the JVM is asked to stop; {@code parts} are closed last-first by the shutdown hook. */
    public static void runUntilShutdown(String service, List<? extends AutoCloseable> parts) throws InterruptedException {
        HealthServer health = serveHealth(service, parts);
        List<AutoCloseable> all = new ArrayList<>();
        all.addAll(parts);
        if (health != null) {
            all.add(health); // closed first: probes fail as soon as the service starts stopping
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("{}: shutting down", service);
            closeAll(all);
            stopped.countDown();
        }, service + "-shutdown"));
        log.info("{}: running; stop with SIGTERM or Ctrl-C", service);
        stopped.await();
    }

    /**
     * Starts the health and metrics endpoints of a service whose parts are {@code parts}, for
     * services that run their own loop instead of {@link #runUntilShutdown}. Returns null when the
     * endpoints are turned off, or when the default port is taken (a second service on a laptop);
     * a port configured explicitly but taken is an error.
     */
    public static HealthServer serveHealth(String service, List<?> parts) {
        HealthSettings settings = HealthSettings.fromEnvironment();
        if (!settings.enabled()) {
            log.info("{}: health and metrics endpoints turned off", service);
            return null;
        }
        List<HealthIndicator> indicators = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof HealthIndicator indicator) {
                indicators.add(indicator);
            }
        }
        try {
            return HealthServer.start(service, settings.address(), settings.port(), () -> indicators,
                    Telemetry.prometheus());
        } catch (BindException e) {
            String message = service + ": cannot serve health and metrics on port " + settings.port()
                    + " (in use); set " + HealthSettings.PORT_ENV + " to another port, 0 for any free port, or -1 for none";
            if (settings.explicit()) {
                throw new IllegalStateException(message, e);
            }
            log.warn(message);
            return null;
        } catch (IOException e) {
            throw new IllegalStateException(service + ": cannot start the health and metrics endpoints on "
                    + settings.address() + ":" + settings.port() + ": " + e.getMessage(), e);
        }
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
