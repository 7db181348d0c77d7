package io.newswatch.standalone.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.newswatch.core.config.KafkaConnection;

/**
 * Reads a topic from the beginning as a subscriber would, {@code read_committed}, on a thread of
 * its own, and hands every record to a callback with the moment it became readable here.
 */
final class TopicWatcher<V> implements AutoCloseable {

    /** Called on the watcher's thread for each record. */
    interface Callback<V> {
        void record(String key, V value, long receivedNanos);
    }

    private final KafkaConsumer<String, V> consumer;
    private final String topic;
    private final Thread thread;
    private volatile boolean stopped;
    private volatile long position;
    private volatile Throwable failure;

    TopicWatcher(KafkaConnection connection, String topic, Deserializer<V> deserializer, Callback<V> callback) {
        Map<String, Object> config = new HashMap<>(connection.clientConfig());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-watch-" + topic);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), deserializer);
        this.topic = topic;
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.thread = new Thread(() -> {
            try {
                while (!stopped) {
                    ConsumerRecords<String, V> records = consumer.poll(Duration.ofMillis(20));
                    long now = System.nanoTime();
                    for (ConsumerRecord<String, V> r : records) {
                        callback.record(r.key(), r.value(), now);
                    }
                    long sum = 0;
                    for (TopicPartition tp : partitions) {
                        sum += consumer.position(tp);
                    }
                    position = sum;
                }
            } catch (WakeupException e) {
                // closing
            } catch (Throwable e) {
                failure = e;
            }
        }, "bench-watch-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits until this watcher has read everything committed to the topic so far (its last stable offsets). */
    boolean awaitCaughtUp(Map<TopicPartition, Long> lastStable, Duration timeout) throws InterruptedException {
        long end = lastStable.entrySet().stream().filter(e -> e.getKey().topic().equals(topic))
                .mapToLong(Map.Entry::getValue).sum();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (failure != null) {
                throw new IllegalStateException("reading " + topic + " failed", failure);
            }
            if (position >= end) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return false;
    }

    String topic() {
        return topic;
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        consumer.wakeup();
        thread.join(10_000);
        consumer.close();
    }
}
