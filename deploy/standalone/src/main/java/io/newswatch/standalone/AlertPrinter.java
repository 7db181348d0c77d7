package io.newswatch.standalone;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newswatch.core.config.KafkaConnection;
import io.newswatch.core.streams.GroupMembership;
import io.newswatch.schemas.Alert;

/**
 * Prints alerts from the alert topic as they are committed, remembering (as a consumer group)
 * which it has printed so that a restart does not print them again.
 */
final class AlertPrinter implements Runnable, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AlertPrinter.class);

    private final KafkaConsumer<String, Alert> consumer;
    private final Function<Alert, String> format;
    private final PrintWriter out;
    private final long startedNanos;
    private final AtomicLong printed = new AtomicLong();
    private final Map<TopicPartition, Long> committed = new HashMap<>();
    private volatile boolean stopping;
    private final Thread thread;

    AlertPrinter(KafkaConnection connection, String group, String topic, Deserializer<Alert> alerts,
            Function<Alert, String> format, PrintWriter out, long startedNanos, GroupMembership membership) {
        Map<String, Object> config = new HashMap<>(connection.clientConfig());
        Properties member = membership.applyTo(new Properties());
        member.forEach((k, v) -> config.put((String) k, v));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), alerts);
        this.consumer.subscribe(Set.of(topic));
        this.format = format;
        this.out = out;
        this.startedNanos = startedNanos;
        this.thread = new Thread(this, "alert-printer");
    }

    AlertPrinter start() {
        thread.start();
        return this;
    }

    long printed() {
        return printed.get();
    }

    @Override
    public void run() {
        try {
            while (!stopping) {
                ConsumerRecords<String, Alert> records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<String, Alert> r : records) {
                    if (r.value() == null) {
                        continue;
                    }
                    if (printed.incrementAndGet() == 1) {
                        log.info("First alert {} ms after start", (System.nanoTime() - startedNanos) / 1_000_000);
                    }
                    out.println(format.apply(r.value()));
                }
                out.flush();
                commitIfMoved();
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            log.error("Alert printer stopped", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /**
     * Commits the position whenever it moved, not only after printing: the position also moves over
     * transaction markers, and a group left one marker behind would never look caught up.
     */
    private void commitIfMoved() {
        Map<TopicPartition, OffsetAndMetadata> moved = new HashMap<>();
        for (TopicPartition tp : consumer.assignment()) {
            long position = consumer.position(tp);
            if (!Long.valueOf(position).equals(committed.get(tp))) {
                moved.put(tp, new OffsetAndMetadata(position));
            }
        }
        if (!moved.isEmpty()) {
            consumer.commitSync(moved);
            moved.forEach((tp, o) -> committed.put(tp, o.offset()));
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        consumer.wakeup();
        thread.join(10_000);
    }
}
