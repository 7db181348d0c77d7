package io.newswatch.core.health;

/**
 * A part of a service that can tell whether it works: a Streams application, a producer, a
 * watch-list loader. Parts handed to {@link io.newswatch.core.ServiceLifecycle} that implement this
 * interface decide the answers of {@code /healthz} and {@code /readyz}.
 */
public interface HealthIndicator {

    /** A short name for the part, shown in the health endpoints' answers. */
    String healthName();

    Health health();
}
