package io.newswatch.standalone.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.newswatch.core.config.KafkaConnection;
import io.newswatch.core.serde.NewswatchSerdes;
import io.newswatch.schemas.Alert;

/**
 * Reads every alert topic and the dead-letter topic to the end with {@code read_committed}, as a
 * subscriber would, and compares what it finds with what a correct pipeline writes.
 */
public final class AlertCheck {

    /** An alert a correct pipeline writes: on this topic, for this watch-list and article. */
    public record Expected(String topic, String watchlistId, String url) {
    }

    /** The comparison: {@code duplicated} counts alerts beyond the first for one topic + watch-list + story + kind. */
    public record Outcome(int expected, int got, int lost, int duplicated, int unexpected, int deadLettered,
            int poisonMissing, int deadLetterUnexpected) {

        public boolean passed() {
            return lost == 0 && duplicated == 0 && unexpected == 0 && poisonMissing == 0 && deadLetterUnexpected == 0;
        }
    }

    private AlertCheck() {
    }

    public static Outcome check(KafkaConnection connection, Set<Expected> expected, Set<String> alertTopics,
            String deadLetterTopic, Set<String> poisonKeys) throws Exception {
        List<Expected> found = new ArrayList<>();
        Map<String, Integer> byStory = new HashMap<>();
        try (NewswatchSerdes serdes = new NewswatchSerdes(connection.serdeConfig())) {
            var alerts = serdes.alert().deserializer();
            for (String topic : alertTopics) {
                readAll(connection, topic, (key, value) -> {
                    Alert a = alerts.deserialize(topic, value);
                    found.add(new Expected(topic, a.getWatchlistId(), a.getUrl()));
                    byStory.merge(topic + "|" + a.getWatchlistId() + "|" + a.getStoryId() + "|" + a.getKind(), 1, Integer::sum);
                });
            }
        }
        int duplicated = byStory.values().stream().mapToInt(n -> n - 1).sum();
        Set<Expected> distinct = new HashSet<>(found);
        int lost = 0;
        for (Expected e : expected) {
            if (!distinct.contains(e)) {
                lost++;
            }
        }
        int unexpected = 0;
        for (Expected e : distinct) {
            if (!expected.contains(e)) {
                unexpected++;
            }
        }
        Map<String, Integer> dead = new HashMap<>();
        readAll(connection, deadLetterTopic, (key, value) -> dead.merge(key == null ? "<null>" : key, 1, Integer::sum));
        int deadLettered = dead.values().stream().mapToInt(Integer::intValue).sum();
        int poisonMissing = 0;
        for (String key : poisonKeys) {
            if (!dead.containsKey(key)) {
                poisonMissing++;
            }
        }
        // Anything else in the dead-letter topic, and any poison record there more than once, is wrong.
        int deadLetterUnexpected = 0;
        for (Map.Entry<String, Integer> e : dead.entrySet()) {
            deadLetterUnexpected += poisonKeys.contains(e.getKey()) ? e.getValue() - 1 : e.getValue();
        }
        return new Outcome(expected.size(), found.size(), lost, duplicated, unexpected, deadLettered, poisonMissing,
                deadLetterUnexpected);
    }

    /** Every committed record of {@code topic}, from the beginning to the last stable offset. */
    static void readAll(KafkaConnection connection, String topic, BiConsumer<String, byte[]> each) {
        Map<String, Object> config = new HashMap<>(connection.clientConfig());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, p.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within 5 minutes");
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.value() != null) {
                        each.accept(r.key(), r.value());
                    }
                }
            }
        }
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
