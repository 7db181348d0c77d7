package io.newswatch.core.metrics;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The process's Prometheus registry. It joins Micrometer's global registry, so every meter of the
 * services ({@code Metrics.counter(...)}) and of the Kafka clients ({@link KafkaMetricsReporter})
 * shows up on {@code /metrics} without the services knowing about Prometheus.
 */
public final class Telemetry {

    private static PrometheusMeterRegistry prometheus;

    private Telemetry() {
    }

    /** The registry, created and bound to the global registry and the JVM metrics on first use. */
    public static synchronized PrometheusMeterRegistry prometheus() {
        if (prometheus == null) {
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            new JvmMemoryMetrics().bindTo(registry);
            new JvmGcMetrics().bindTo(registry);
            new JvmThreadMetrics().bindTo(registry);
            new ClassLoaderMetrics().bindTo(registry);
            new ProcessorMetrics().bindTo(registry);
            new UptimeMetrics().bindTo(registry);
            // Meters registered globally before this point are copied into the new child registry.
            Metrics.globalRegistry.add(registry);
            prometheus = registry;
        }
        return prometheus;
    }
}
