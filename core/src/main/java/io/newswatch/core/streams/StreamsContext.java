package io.newswatch.core.streams;

import java.nio.file.Path;
import java.util.Properties;

import io.newswatch.core.config.KafkaConnection;
import io.newswatch.core.serde.NewswatchSerdes;
import io.newswatch.core.topics.Topics;

/** Everything a Streams service needs from its surroundings, whether it runs alone or inside {@code up}. */
public record StreamsContext(KafkaConnection connection, Topics topics, NewswatchSerdes serdes, String applicationId,
        Path stateDir, int threads) {

    public Properties streamsProperties() {
        return StreamsSettings.forApplication(applicationId, connection, topics.deadLetter(), stateDir, threads);
    }
}
