package io.newswatch.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.common.metrics.stats.Max;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class KafkaMetricsReporterTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void namesFollowGroupAndMetricName() {
        assertThat(KafkaMetricsReporter.meterName(new MetricName("record-send-total", "producer-metrics", "", Map.of())))
                .isEqualTo("kafka.producer.record.send.total");
        assertThat(KafkaMetricsReporter.meterName(new MetricName("process-rate", "stream-thread-metrics", "", Map.of())))
                .isEqualTo("kafka.stream.thread.process.rate");
    }

    @Test
    void totalsBecomeCountersOthersGaugesAndRemovalRemovesThem() {
        try (Metrics kafka = new Metrics(new MetricConfig(), List.of(new KafkaMetricsReporter(registry)),
                org.apache.kafka.common.utils.Time.SYSTEM)) {
            Sensor sends = kafka.sensor("sends");
            MetricName total = kafka.metricName("test-send-total", "unit-producer-metrics", "", Map.of("client-id", "p1"));
            MetricName max = kafka.metricName("test-size-max", "unit-producer-metrics", "", Map.of("client-id", "p1"));
            sends.add(total, new CumulativeCount());
            sends.add(max, new Max());
            sends.record(10);
            sends.record(30);

            FunctionCounter counter = registry.get("kafka.unit.producer.test.send.total").tag("client-id", "p1").functionCounter();
            Gauge gauge = registry.get("kafka.unit.producer.test.size.max").tag("client-id", "p1").gauge();
            assertThat(counter.count()).isEqualTo(2.0);
            assertThat(gauge.value()).isEqualTo(30.0);

            kafka.removeSensor("sends");
            assertThat(registry.find("kafka.unit.producer.test.send.total").meters()).isEmpty();
        }
    }

    @Test
    void aNameKeepsTheTagKeysItWasFirstSeenWith() {
        try (Metrics kafka = new Metrics(new MetricConfig(), List.of(new KafkaMetricsReporter(registry)),
                org.apache.kafka.common.utils.Time.SYSTEM)) {
            kafka.sensor("all").add(kafka.metricName("unit-bytes-total", "unit-fetch-metrics", "", Map.of("client-id", "c")),
                    new CumulativeCount());
            kafka.sensor("per-topic").add(kafka.metricName("unit-bytes-total", "unit-fetch-metrics", "",
                    Map.of("client-id", "c", "topic", "t")), new CumulativeCount());

            assertThat(registry.find("kafka.unit.fetch.unit.bytes.total").meters())
                    .singleElement()
                    .satisfies(m -> assertThat(m.getId().getTag("topic")).isNull());
        }
    }
}
