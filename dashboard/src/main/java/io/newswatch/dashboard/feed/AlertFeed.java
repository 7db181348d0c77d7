package io.newswatch.dashboard.feed;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.newswatch.core.config.KafkaConnection;
import io.newswatch.core.health.Health;
import io.newswatch.core.health.HealthIndicator;
import io.newswatch.dashboard.store.AlertStore;
import io.newswatch.schemas.Alert;

/**
 * Reads the alert topic into an {@link AlertStore}. Every instance reads every partition (assigned,
 * not balanced through the group: each dashboard replica needs the whole view), starting at the last
 * {@code capacity} records of each partition, so the view is rebuilt from the topic at every start.
 * Committed reads only ({@code read_committed}): the alerts service writes transactionally. The
 * positions are committed under the consumer group so that its lag shows in the usual tools.
 * A record that cannot be decoded is logged, counted and skipped.
 */
public final class AlertFeed implements Runnable, AutoCloseable, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(AlertFeed.class);
    private static final Duration PARTITION_CHECK = Duration.ofSeconds(30);
    private static final Duration COMMIT_INTERVAL = Duration.ofSeconds(5);

    private final KafkaConsumer<String, Alert> consumer;
    private final String topic;
    private final AlertStore store;
    private final Thread thread;
    private final Counter skipped = Metrics.counter("newswatch.dashboard.records.skipped");
    private final AtomicLong read = new AtomicLong();
    private final Map<TopicPartition, Long> loadTargets = new HashMap<>();
    private volatile boolean loaded;
    private volatile boolean stopping;
    private volatile String failure;
    private volatile String loading = "connecting to Kafka";

    public AlertFeed(KafkaConnection connection, String groupId, String topic, Deserializer<Alert> alerts, AlertStore store) {
        Map<String, Object> config = new HashMap<>(connection.clientConfig());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, groupId + "-feed");
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), alerts);
        this.topic = topic;
        this.store = store;
        this.thread = new Thread(this, "dashboard-feed");
        this.thread.setDaemon(true);
    }

    public AlertFeed start() {
        thread.start();
        return this;
    }

    /** Records read so far (stored or already known). */
    public long read() {
        return read.get();
    }

    @Override
    public String healthName() {
        return "dashboard-feed";
    }

    /** Ready once the records that were on the topic at start have been read: the view is complete. */
    @Override
    public Health health() {
        if (failure != null) {
            return Health.dead(failure);
        }
        if (!loaded) {
            return Health.notReady("loading alerts from " + topic + ": " + loading);
        }
        return Health.ready(store.size() + " alerts kept (at most " + store.capacity() + ") from " + topic);
    }

    @Override
    public void run() {
        long nextPartitionCheck = 0;
        long nextCommit = 0;
        Map<TopicPartition, Long> committed = new HashMap<>();
        try {
            while (!stopping) {
                long now = System.nanoTime();
                if (now >= nextPartitionCheck) {
                    assignNewPartitions();
                    nextPartitionCheck = now + PARTITION_CHECK.toNanos();
                }
                if (consumer.assignment().isEmpty()) {
                    Thread.sleep(500);
                    continue;
                }
                poll();
                if (!loaded) {
                    checkLoaded();
                }
                if (now >= nextCommit) {
                    commitMoved(committed);
                    nextCommit = now + COMMIT_INTERVAL.toNanos();
                }
            }
        } catch (WakeupException | InterruptedException e) {
            // closing
        } catch (RuntimeException e) {
            failure = "stopped reading " + topic + ": " + e;
            log.error("Dashboard feed stopped", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void poll() {
        try {
            for (ConsumerRecord<String, Alert> r : consumer.poll(Duration.ofMillis(500))) {
                read.incrementAndGet();
                if (r.value() != null) {
                    store.add(r.value(), r.partition(), r.offset());
                }
            }
        } catch (RecordDeserializationException e) {
            skipped.increment();
            log.warn("Skipping record {} of {} that is not a readable alert: {}", e.offset(), e.topicPartition(),
                    e.getMessage());
            consumer.seek(e.topicPartition(), e.offset() + 1);
        }
    }

    /** Assigns partitions not yet read (all of them at start), each from its last {@code capacity} records. */
    private void assignNewPartitions() {
        List<PartitionInfo> infos;
        try {
            infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            loading = "waiting for Kafka (" + e.getMessage() + ")";
            log.warn("Dashboard feed: cannot reach Kafka for the partitions of {} yet: {}", topic, e.getMessage());
            return;
        }
        Set<TopicPartition> all = new HashSet<>();
        for (PartitionInfo p : infos == null ? List.<PartitionInfo>of() : infos) {
            all.add(new TopicPartition(p.topic(), p.partition()));
        }
        Set<TopicPartition> added = new HashSet<>(all);
        added.removeAll(consumer.assignment());
        if (added.isEmpty()) {
            if (all.isEmpty()) {
                loading = "topic " + topic + " does not exist yet";
            }
            return;
        }
        consumer.assign(all);
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(added);
        Map<TopicPartition, Long> end = consumer.endOffsets(added);
        for (TopicPartition tp : added) {
            long from = Math.max(begin.get(tp), end.get(tp) - store.capacity());
            consumer.seek(tp, from);
            if (!loaded) {
                loadTargets.put(tp, end.get(tp));
            }
        }
        log.info("Dashboard feed reading {} partition(s) of {}, the last {} records of each", added.size(), topic,
                store.capacity());
    }

    private void checkLoaded() {
        long behind = 0;
        for (Map.Entry<TopicPartition, Long> target : loadTargets.entrySet()) {
            behind += Math.max(0, target.getValue() - consumer.position(target.getKey()));
        }
        if (behind == 0) {
            loaded = true;
            log.info("Dashboard feed caught up with {}: {} alerts kept", topic, store.size());
        } else {
            loading = behind + " records to go";
        }
    }

    /** Commits the positions that moved, for monitoring only: every start reads the last records again anyway. */
    private void commitMoved(Map<TopicPartition, Long> committed) {
        Map<TopicPartition, OffsetAndMetadata> moved = new HashMap<>();
        for (TopicPartition tp : consumer.assignment()) {
            long position = consumer.position(tp);
            if (!Long.valueOf(position).equals(committed.get(tp))) {
                moved.put(tp, new OffsetAndMetadata(position));
            }
        }
        if (moved.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(moved, Duration.ofSeconds(5));
            moved.forEach((tp, o) -> committed.put(tp, o.offset()));
        } catch (RuntimeException e) {
            if (e instanceof WakeupException w) {
                throw w;
            }
            log.debug("Dashboard feed could not commit its positions", e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        consumer.wakeup();
        thread.join(10_000);
    }
}
