package io.newswatch.core.cli;

import io.newswatch.core.topics.TopicLayout;
import io.newswatch.core.topics.Topics;
import picocli.CommandLine.Option;

/** Topic names and the layout of topics created at start-up. */
public class TopicOptions {

    @Option(names = "--raw-topic", defaultValue = "${env:NEWSWATCH_TOPIC_RAW:-" + Topics.DEFAULT_RAW + "}",
            description = "Raw articles topic (env NEWSWATCH_TOPIC_RAW; default: ${DEFAULT-VALUE}).")
    String raw;

    @Option(names = "--enriched-topic", defaultValue = "${env:NEWSWATCH_TOPIC_ENRICHED:-" + Topics.DEFAULT_ENRICHED + "}",
            description = "Enriched articles topic (env NEWSWATCH_TOPIC_ENRICHED; default: ${DEFAULT-VALUE}).")
    String enriched;

    @Option(names = "--alerts-topic", defaultValue = "${env:NEWSWATCH_TOPIC_ALERTS:-" + Topics.DEFAULT_ALERTS + "}",
            description = "Alerts topic (env NEWSWATCH_TOPIC_ALERTS; default: ${DEFAULT-VALUE}).")
    String alerts;

    @Option(names = "--dlq-topic", defaultValue = "${env:NEWSWATCH_TOPIC_DLQ:-" + Topics.DEFAULT_DEAD_LETTER + "}",
            description = "Dead-letter topic (env NEWSWATCH_TOPIC_DLQ; default: ${DEFAULT-VALUE}).")
    String deadLetter;

    @Option(names = "--partitions", defaultValue = "${env:NEWSWATCH_TOPIC_PARTITIONS:-3}",
            description = "Partitions of topics created at start-up (env NEWSWATCH_TOPIC_PARTITIONS; default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--replication-factor", defaultValue = "${env:NEWSWATCH_TOPIC_REPLICATION_FACTOR:--1}",
            description = "Replication factor of topics created at start-up; -1 takes the broker default "
                    + "(env NEWSWATCH_TOPIC_REPLICATION_FACTOR; default: ${DEFAULT-VALUE}).")
    short replicationFactor;

    public Topics topics() {
        return new Topics(raw, enriched, alerts, deadLetter);
    }

    public TopicLayout layout() {
        return new TopicLayout(partitions, replicationFactor);
    }
}
