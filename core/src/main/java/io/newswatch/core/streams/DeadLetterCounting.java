package io.newswatch.core.streams;

import java.util.Map;

import org.apache.kafka.streams.StreamsConfig;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.newswatch.core.metrics.PipelineMetrics;

/** The dead-letter counter of one service, as seen by the Streams exception handlers. */
final class DeadLetterCounting {

    /** Streams property naming the service for the counter's {@code service} tag; set by {@link StreamsRunner}. */
    static final String SERVICE_CONFIG = "newswatch.service";

    private DeadLetterCounting() {
    }

    static Counter counterFor(Map<String, ?> configs) {
        Object service = configs.get(SERVICE_CONFIG);
        if (service == null) {
            service = configs.get(StreamsConfig.APPLICATION_ID_CONFIG);
        }
        return Metrics.counter(PipelineMetrics.RECORDS_DEAD_LETTERED, "service", String.valueOf(service));
    }
}
