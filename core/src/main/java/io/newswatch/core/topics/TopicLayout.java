package io.newswatch.core.topics;

import java.util.Optional;

/**
 * Partitions and replication of topics created at start-up. A replication factor of -1 (the
 * default) takes the broker's {@code default.replication.factor}.
 */
public record TopicLayout(int partitions, short replicationFactorOrDefault) {

    public TopicLayout {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
        if (replicationFactorOrDefault == 0 || replicationFactorOrDefault < -1) {
            throw new IllegalArgumentException("replication factor must be -1 (broker default) or at least 1, was "
                    + replicationFactorOrDefault);
        }
    }

    Optional<Short> replicationFactor() {
        return replicationFactorOrDefault == -1 ? Optional.empty() : Optional.of(replicationFactorOrDefault);
    }
}
