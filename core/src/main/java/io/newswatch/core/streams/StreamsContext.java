package io.newswatch.core.streams;

import java.nio.file.Path;
import java.util.Properties;

import io.newswatch.core.config.KafkaConnection;
import io.newswatch.core.serde.NewswatchSerdes;
import io.newswatch.core.topics.Topics;

/** Everything a Streams service needs from its surroundings, whether it runs alone or inside {@code up}. */
public record StreamsContext(KafkaConnection connection, Topics topics, NewswatchSerdes serdes, String applicationId,
        Path stateDir, int threads, GroupMembership membership) {

    /** A context with dynamic group membership. */
    public StreamsContext(KafkaConnection connection, Topics topics, NewswatchSerdes serdes, String applicationId,
            Path stateDir, int threads) {
        this(connection, topics, serdes, applicationId, stateDir, threads, GroupMembership.dynamic());
    }

    public Properties streamsProperties() {
        return membership.applyTo(
                StreamsSettings.forApplication(applicationId, connection, topics.deadLetter(), stateDir, threads));
    }
}
