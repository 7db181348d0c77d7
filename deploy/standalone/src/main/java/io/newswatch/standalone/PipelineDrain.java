package io.newswatch.standalone;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Tells when a consumer group has processed everything committed to its input topics: its
 * committed offsets have reached the topics' last stable offsets. Used by {@code up --once} and {@code bench pipeline} to know
 * that all articles read have gone through the pipeline.
 */
public final class PipelineDrain {

    private final Admin admin;

    public PipelineDrain(Admin admin) {
        this.admin = admin;
    }

    /** A stage of the pipeline: a consumer group and the topics it reads. */
    public record Stage(String group, List<String> topics) {
    }

    /**
     * Waits until every stage has committed everything its input topics hold, and that stays so
     * for {@code settle}. Stages are checked upstream first; each commits its input offsets in the
     * transaction that writes its output. The settle period covers the moment when a transaction
     * is committed in the group's offsets but its marker has not yet reached the output topic.
     */
    public boolean awaitDrained(List<Stage> stages, Duration settle, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<TopicPartition, Long> previous = null;
        while (System.nanoTime() < deadline) {
            Map<TopicPartition, Long> ends = new HashMap<>();
            boolean caughtUp = true;
            for (Stage stage : stages) {
                if (!caughtUp(stage, ends)) {
                    caughtUp = false;
                    break;
                }
            }
            if (caughtUp && ends.equals(previous)) {
                return true;
            }
            previous = caughtUp ? ends : null;
            Thread.sleep(caughtUp ? settle.toMillis() : 100);
        }
        return false;
    }

    /** The last stable offsets of every partition of {@code topics}: what a read_committed reader can see. */
    public Map<TopicPartition, Long> lastStableOffsets(Collection<String> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).values()
                .forEach(d -> d.partitions().forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()),
                        OffsetSpec.latest())));
        return admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                .get(10, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /** Whether {@code stage}'s group has committed up to the last stable offsets; records them in {@code ends}. */
    private boolean caughtUp(Stage stage, Map<TopicPartition, Long> ends) throws InterruptedException {
        try {
            Map<TopicPartition, Long> stable = lastStableOffsets(stage.topics());
            Set<TopicPartition> partitions = stable.keySet();
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(stage.group())
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            boolean caughtUp = true;
            for (TopicPartition tp : partitions) {
                long end = stable.get(tp);
                ends.put(tp, end);
                OffsetAndMetadata c = committed.get(tp);
                caughtUp &= end <= (c == null ? 0 : c.offset());
            }
            return caughtUp;
        } catch (ExecutionException | TimeoutException e) {
            return false; // e.g. a topic or group not there yet
        }
    }
}
