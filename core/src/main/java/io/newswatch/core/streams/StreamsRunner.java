package io.newswatch.core.streams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newswatch.core.health.Health;
import io.newswatch.core.health.HealthIndicator;

/**
 * Runs one Kafka Streams topology: start, wait until running, close gracefully. As a
 * {@link HealthIndicator} it is ready while RUNNING, and also while REBALANCING after it has run
 * once: a rebalance caused by another instance joining should not take this one out of service.
 */
public final class StreamsRunner implements AutoCloseable, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(StreamsRunner.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final KafkaStreams streams;
    private final String applicationId;
    private final List<String> inputTopics;
    private final CountDownLatch running = new CountDownLatch(1);
    private final CountDownLatch failed = new CountDownLatch(1);
    private volatile boolean hasRun;

    public StreamsRunner(String name, Topology topology, Properties props) {
        this.name = name;
        Properties withService = new Properties();
        withService.putAll(props);
        withService.putIfAbsent(DeadLetterCounting.SERVICE_CONFIG, name);
        this.streams = new KafkaStreams(topology, withService);
        this.applicationId = withService.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
        this.inputTopics = inputTopics(topology, applicationId);
        streams.setStateListener((now, before) -> {
            log.info("{}: {} -> {}", name, before, now);
            if (now == KafkaStreams.State.RUNNING) {
                hasRun = true;
                running.countDown();
            } else if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
                failed.countDown();
            }
        });
        // Records that cannot be processed are handled by the dead-letter handlers; anything that
        // still escapes is a bug or an outage, so the thread is replaced rather than the service dying.
        streams.setUncaughtExceptionHandler(e -> {
            log.error("{}: stream thread failed, replacing it", name, e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    }

    /** The application id, which is also its consumer group. */
    public String applicationId() {
        return applicationId;
    }

    /**
     * Every topic the application consumes, its own repartition topics included (under the names
     * Kafka Streams gives them: the application id, a dash, the name in the topology).
     */
    public List<String> inputTopics() {
        return inputTopics;
    }

    static List<String> inputTopics(Topology topology, String applicationId) {
        List<String> topics = new ArrayList<>();
        for (TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
            for (TopologyDescription.Node node : sub.nodes()) {
                if (node instanceof TopologyDescription.Source source) {
                    for (String topic : source.topicSet()) {
                        topics.add(topic.endsWith("-repartition") ? applicationId + "-" + topic : topic);
                    }
                }
            }
        }
        return List.copyOf(topics);
    }

    public StreamsRunner start() {
        streams.start();
        return this;
    }

    /** Waits until the application is RUNNING; false if it did not get there in time or failed. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (running.await(50, TimeUnit.MILLISECONDS)) {
                return true;
            }
            if (failed.getCount() == 0) {
                return false;
            }
        }
        return false;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    public KafkaStreams streams() {
        return streams;
    }

    public String name() {
        return name;
    }

    @Override
    public String healthName() {
        return name;
    }

    @Override
    public Health health() {
        KafkaStreams.State state = streams.state();
        String detail = "Kafka Streams " + state;
        if (state == KafkaStreams.State.RUNNING) {
            return Health.ready(detail);
        }
        if (state == KafkaStreams.State.REBALANCING) {
            return hasRun ? Health.ready(detail) : Health.notReady(detail);
        }
        if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR) {
            return Health.dead(detail);
        }
        return Health.notReady(detail);
    }

    @Override
    public void close() {
        log.info("{}: closing", name);
        // Leave the group: the partitions move to the other instances (or to this one after a
        // restart) at once instead of after the session timeout.
        streams.close(CloseOptions.timeout(CLOSE_TIMEOUT)
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    }
}
