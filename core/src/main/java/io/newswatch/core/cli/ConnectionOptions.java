package io.newswatch.core.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.newswatch.core.config.ClientProperties;
import io.newswatch.core.config.KafkaConnection;
import picocli.CommandLine.Option;

/** Options of every service that talks to a Kafka cluster; each can also be set from the environment. */
public class ConnectionOptions {

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            defaultValue = "${env:NEWSWATCH_BOOTSTRAP_SERVERS:-localhost:9092}",
            description = "Kafka bootstrap servers (env NEWSWATCH_BOOTSTRAP_SERVERS; default: ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", paramLabel = "URL[,...]",
            defaultValue = "${env:NEWSWATCH_SCHEMA_REGISTRY_URL:-http://localhost:8081}",
            description = "Schema registry URL(s) (env NEWSWATCH_SCHEMA_REGISTRY_URL; default: ${DEFAULT-VALUE}).")
    String schemaRegistryUrl;

    @Option(names = "--kafka-config", paramLabel = "FILE", defaultValue = "${env:NEWSWATCH_KAFKA_CONFIG}",
            description = "Properties file passed to every Kafka client and the registry client "
                    + "(security.protocol, sasl.*, ssl.*, basic.auth.user.info, ...). Variables NEWSWATCH_KAFKA_<NAME> "
                    + "override it, e.g. NEWSWATCH_KAFKA_SASL_JAAS_CONFIG for sasl.jaas.config (env NEWSWATCH_KAFKA_CONFIG).")
    Path kafkaConfig;

    @Option(names = "--kafka-property", paramLabel = "NAME=VALUE",
            description = "A single client property; wins over the file and the environment. Repeatable.")
    Map<String, String> properties = new LinkedHashMap<>();

    public KafkaConnection connection() {
        Map<String, String> props = new LinkedHashMap<>(ClientProperties.load(kafkaConfig, System.getenv()));
        props.putAll(properties);
        return new KafkaConnection(bootstrapServers, schemaRegistryUrl, props);
    }
}
