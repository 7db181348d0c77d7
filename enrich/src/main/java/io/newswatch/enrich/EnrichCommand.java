package io.newswatch.enrich;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.StreamsBuilder;

import io.newswatch.core.ServiceLifecycle;
import io.newswatch.core.cli.ConnectionOptions;
import io.newswatch.core.cli.StreamsOptions;
import io.newswatch.core.cli.TopicOptions;
import io.newswatch.core.config.KafkaConnection;
import io.newswatch.core.serde.NewswatchSerdes;
import io.newswatch.core.streams.StreamsRunner;
import io.newswatch.core.streams.StreamsContext;
import io.newswatch.core.topics.TopicProvisioner;
import io.newswatch.core.topics.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code newswatch enrich}: the enrichment service against a Kafka cluster. */
@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = "Run the enrichment service: raw articles in, enriched articles out.")
public final class EnrichCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connectionOptions;

    @Mixin
    TopicOptions topicOptions;

    @Mixin
    StreamsOptions streamsOptions;

    @Override
    public Integer call() throws Exception {
        KafkaConnection connection = connectionOptions.connection();
        Topics topics = topicOptions.topics();
        try (Admin admin = Admin.create(connection.clientConfig())) {
            new TopicProvisioner(admin, topicOptions.layout()).ensure(List.of(topics.raw(), topics.enriched(), topics.deadLetter()));
        }
        NewswatchSerdes serdes = new NewswatchSerdes(connection.serdeConfig());
        StreamsContext context = new StreamsContext(connection, topics, serdes, streamsOptions.applicationId("enrich"),
                streamsOptions.stateDir, streamsOptions.threads);
        StreamsRunner runner = start(context, new CapitalisedPhraseEnricher(Clock.systemUTC()));
        ServiceLifecycle.runUntilShutdown("enrich", List.of(serdes, runner));
        return 0;
    }

    /** Wires the enrichment topology into a started Streams application. */
    public static StreamsRunner start(StreamsContext context, Enricher enricher) {
        StreamsBuilder builder = new StreamsBuilder();
        Topics topics = context.topics();
        EnrichTopology.build(builder, topics.raw(), topics.enriched(), context.serdes().rawArticle(),
                context.serdes().enrichedArticle(), enricher);
        return new StreamsRunner("enrich", builder.build(), context.streamsProperties()).start();
    }
}
