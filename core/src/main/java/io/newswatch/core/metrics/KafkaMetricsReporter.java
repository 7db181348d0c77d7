package io.newswatch.core.metrics;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.MetricsReporter;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tag;

/**
 * Publishes the metrics of a Kafka client (producer, consumer, admin or Streams) as Micrometer
 * meters in the global registry. It is installed through the {@code metric.reporters} client
 * property by {@link io.newswatch.core.config.KafkaConnection#clientConfig()}, so every client the
 * services create reports without being handed to a binder.
 *
 * <p>A Kafka metric {@code record-send-total} of group {@code producer-metrics} becomes the meter
 * {@code kafka.producer.record.send.total} with the metric's tags ({@code client-id}, ...);
 * cumulative totals become counters, everything else gauges. Prometheus needs every meter of one
 * name to carry the same tag keys; Kafka reports a few metrics both per client and per topic under
 * one name, so the first tag-key set seen for a name wins and the others are left out.
 */
public final class KafkaMetricsReporter implements MetricsReporter {

    private static final Logger log = LoggerFactory.getLogger(KafkaMetricsReporter.class);
    private static final Map<String, Set<String>> TAG_KEYS_BY_NAME = new ConcurrentHashMap<>();

    private final MeterRegistry registry;
    private final Map<MetricName, Meter> meters = new ConcurrentHashMap<>();

    public KafkaMetricsReporter() {
        this(Metrics.globalRegistry);
    }

    KafkaMetricsReporter(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }

    @Override
    public void init(List<KafkaMetric> metrics) {
        metrics.forEach(this::metricChange);
    }

    @Override
    public void metricChange(KafkaMetric metric) {
        MetricName name = metric.metricName();
        if (!(metric.metricValue() instanceof Number)) {
            return; // e.g. app-info's version and commit id strings
        }
        String meterName = meterName(name);
        Set<String> keys = new TreeSet<>(name.tags().keySet());
        Set<String> established = TAG_KEYS_BY_NAME.computeIfAbsent(meterName, n -> keys);
        if (!established.equals(keys)) {
            log.debug("Kafka metric {} {} left out: {} is reported with tags {}", name.group(), name.tags(), meterName,
                    established);
            return;
        }
        List<Tag> tags = name.tags().entrySet().stream().map(e -> Tag.of(e.getKey(), e.getValue())).toList();
        Meter meter;
        if (isCumulative(metric)) {
            meter = FunctionCounter.builder(meterName, metric, KafkaMetricsReporter::value)
                    .description(name.description()).tags(tags).register(registry);
        } else {
            meter = Gauge.builder(meterName, metric, KafkaMetricsReporter::value)
                    .description(name.description()).tags(tags).strongReference(true).register(registry);
        }
        Meter previous = meters.put(name, meter);
        if (previous != null && previous != meter) {
            registry.remove(previous);
        }
    }

    @Override
    public void metricRemoval(KafkaMetric metric) {
        Meter meter = meters.remove(metric.metricName());
        if (meter != null) {
            registry.remove(meter);
        }
    }

    @Override
    public void close() {
        meters.values().forEach(registry::remove);
        meters.clear();
    }

    static String meterName(MetricName name) {
        String group = name.group().endsWith("-metrics")
                ? name.group().substring(0, name.group().length() - "-metrics".length())
                : name.group();
        return ("kafka." + group + "." + name.name()).replace('-', '.').toLowerCase(Locale.ROOT);
    }

    private static boolean isCumulative(KafkaMetric metric) {
        try {
            return metric.measurable() instanceof CumulativeSum;
        } catch (IllegalStateException e) {
            return false; // a gauge, not a measurable stat
        }
    }

    private static double value(KafkaMetric metric) {
        Object value = metric.metricValue();
        return value instanceof Number number ? number.doubleValue() : Double.NaN;
    }
}
