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
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

import io.newswatch.core.config.KafkaConnection;

/**
 * Reads committed records from a topic until enough have arrived or time runs out.
 *
 * <p>Time runs out only once the reader has also caught up with what the topic held: a new consumer group can take
 * seconds to join on a busy machine, and a count checked after a window spent joining would be short.
 */
public final class TopicReader {

    /** How much longer than asked a slow group join or fetch may take before the reader gives up anyway. */
    static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(60);

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
            long limit = deadline + CATCH_UP_LIMIT.toNanos();
            while (records.size() < atLeast) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                long now = System.nanoTime();
                if (now - limit >= 0 || now - deadline >= 0 && caughtUp(consumer, topic)) {
                    break;
                }
            }
        }
        return records;
    }

    /** Reads for the whole {@code quietPeriod} after catching up, to check that nothing (more) arrives. */
    public static <K, V> List<ConsumerRecord<K, V>> readFor(KafkaConnection connection, String topic,
            Deserializer<K> keys, Deserializer<V> values, Duration quietPeriod) {
        return read(connection, topic, keys, values, Integer.MAX_VALUE, quietPeriod);
    }

    /** Whether the consumer holds all of the topic's partitions and has read up to their last stable offsets. */
    private static boolean caughtUp(KafkaConsumer<?, ?> consumer, String topic) {
        Set<TopicPartition> assigned = consumer.assignment();
        if (assigned.size() < consumer.partitionsFor(topic).size()) {
            return false;
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
        return assigned.stream().allMatch(tp -> consumer.position(tp) >= ends.getOrDefault(tp, 0L));
    }
}
