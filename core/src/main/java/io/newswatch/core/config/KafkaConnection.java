package io.newswatch.core.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.clients.CommonClientConfigs;

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
        return config;
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
