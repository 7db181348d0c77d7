package io.newswatch.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Deserializer;

import io.newswatch.core.config.KafkaConnection;

/** Reads committed records from a topic until enough have arrived or time runs out. */
public final class TopicReader {

    private TopicReader() {
    }

    public static <K, V> List<ConsumerRecord<K, V>> read(KafkaConnection connection, String topic, Deserializer<K> keys,
            Deserializer<V> values, int atLeast, Duration timeout) {
        Map<String, Object> config = new HashMap<>(connection.clientConfig());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(config, keys, values)) {
            consumer.subscribe(Set.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (records.size() < atLeast && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
        }
        return records;
    }

    /** Reads for the whole {@code quietPeriod}, to check that nothing (more) arrives. */
    public static <K, V> List<ConsumerRecord<K, V>> readFor(KafkaConnection connection, String topic,
            Deserializer<K> keys, Deserializer<V> values, Duration quietPeriod) {
        return read(connection, topic, keys, values, Integer.MAX_VALUE, quietPeriod);
    }
}
