package io.newswatch.core.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.metrics.JmxReporter;

import io.newswatch.core.metrics.KafkaMetricsReporter;

/**
 * Where the services find Kafka and the schema registry, plus any extra client properties
 * (security, timeouts, ...) that are passed through unchanged to every producer, consumer, admin
 * client and Streams instance.
 */
public record KafkaConnection(String bootstrapServers, String schemaRegistryUrl, Map<String, String> clientProperties) {

    /** Client properties meant for the schema registry client rather than for Kafka. */
    private static final String[] REGISTRY_PREFIXES = {"schema.registry.", "basic.auth."};

    public KafkaConnection {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(schemaRegistryUrl, "schemaRegistryUrl");
        clientProperties = Map.copyOf(clientProperties);
    }

    public KafkaConnection(String bootstrapServers, String schemaRegistryUrl) {
        this(bootstrapServers, schemaRegistryUrl, Map.of());
    }

    /** Properties for Kafka clients: the passed-through ones plus the bootstrap servers. */
    public Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>();
        clientProperties.forEach((k, v) -> {
            if (!isRegistryProperty(k)) {
                config.put(k, v);
            }
        });
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(CommonClientConfigs.METRIC_REPORTER_CLASSES_CONFIG, metricReporters(
                (String) config.get(CommonClientConfigs.METRIC_REPORTER_CLASSES_CONFIG)));
        return config;
    }

    /**
     * Kafka's default JMX reporter (or the reporters configured) plus ours, which exposes every
     * client's metrics on the services' {@code /metrics} endpoint.
     */
    private static String metricReporters(String configured) {
        String ours = KafkaMetricsReporter.class.getName();
        if (configured == null) {
            return JmxReporter.class.getName() + "," + ours;
        }
        return configured.contains(ours) ? configured : configured.isBlank() ? ours : configured + "," + ours;
    }

    /** Properties for the Avro serdes: registry URL and credentials, in Confluent's names. */
    public Map<String, Object> serdeConfig() {
        Map<String, Object> config = new HashMap<>();
        clientProperties.forEach((k, v) -> {
            if (isRegistryProperty(k) || k.equals("auto.register.schemas") || k.equals("use.latest.version")) {
                config.put(k, v);
            }
        });
        config.put("schema.registry.url", schemaRegistryUrl);
        return config;
    }

    private static boolean isRegistryProperty(String key) {
        for (String prefix : REGISTRY_PREFIXES) {
            if (key.startsWith(prefix)) {
                return true;
            }
        }
        return key.equals("auto.register.schemas") || key.equals("use.latest.version");
    }
}
