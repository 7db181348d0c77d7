package io.newswatch.ingest;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.newswatch.core.config.KafkaConnection;
import io.newswatch.core.health.Health;
import io.newswatch.core.health.HealthIndicator;
import io.newswatch.schemas.RawArticle;

/**
 * Publishes raw articles keyed by article id, with the producer settings that make a publish
 * durable and free of duplicates from retries: idempotence, acks from all replicas, compression.
 */
public final class ArticlePublisher implements AutoCloseable, HealthIndicator {

    private final KafkaProducer<String, RawArticle> producer;
    private final String topic;
    /** The error of the most recent send if it failed, else null: readiness follows the last outcome. */
    private volatile Exception lastFailure;

    public ArticlePublisher(KafkaConnection connection, String topic, Serializer<RawArticle> serializer) {
        this(connection, topic, serializer, Map.of());
    }

    /** {@code overrides} are producer properties that win over the defaults below (not over idempotence and acks). */
    public ArticlePublisher(KafkaConnection connection, String topic, Serializer<RawArticle> serializer,
            Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>(connection.clientConfig());
        config.putAll(overrides);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "newswatch-ingest");
        // While the broker is away a send waits this long for metadata before failing back to the caller,
        // which retries: the wait must not hold up a whole source for minutes.
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), serializer);
        this.topic = topic;
    }

    /** Sends one article; the future completes when Kafka has acknowledged it. */
    public CompletableFuture<RecordMetadata> publish(RawArticle article) {
        CompletableFuture<RecordMetadata> acked = new CompletableFuture<>();
        try {
            producer.send(new ProducerRecord<>(topic, article.getId(), article), (metadata, error) -> {
                lastFailure = error;
                if (error != null) {
                    acked.completeExceptionally(error);
                } else {
                    acked.complete(metadata);
                }
            });
        } catch (RuntimeException e) {
            lastFailure = e;
            acked.completeExceptionally(e);
        }
        return acked;
    }

    @Override
    public String healthName() {
        return "producer";
    }

    /** Not ready while Kafka does not accept articles; ingest keeps retrying meanwhile. */
    @Override
    public Health health() {
        Exception failure = lastFailure;
        return failure == null ? Health.ready("publishing to " + topic)
                : Health.notReady("last publish to " + topic + " failed: " + failure.getMessage());
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
