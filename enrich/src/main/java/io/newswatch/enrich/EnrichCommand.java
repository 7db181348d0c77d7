package io.newswatch.enrich;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;

import io.newswatch.core.ServiceLifecycle;
import io.newswatch.core.cli.ConnectionOptions;
import io.newswatch.core.cli.StreamsOptions;
import io.newswatch.core.cli.TopicOptions;
import io.newswatch.core.config.KafkaConnection;
import io.newswatch.core.serde.NewswatchSerdes;
import io.newswatch.core.streams.StreamsContext;
import io.newswatch.core.streams.StreamsRunner;
import io.newswatch.core.topics.TopicProvisioner;
import io.newswatch.core.topics.Topics;
import io.newswatch.enrich.embed.EmbeddingCache;
import io.newswatch.enrich.embed.EmbeddingModelUnavailableException;
import io.newswatch.enrich.story.StoryIndex;
import io.newswatch.watchlist.InvalidWatchlistException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newswatch enrich}: the enrichment service against a Kafka cluster, or with {@code --in}
 * the same enrichment over files, printing one enriched JSON object per article.
 */
@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = {"Run the enrichment service: raw articles in, enriched articles out.",
                "With --in, enrich article files without Kafka and print one JSON object per article."})
public final class EnrichCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connectionOptions;

    @Mixin
    TopicOptions topicOptions;

    @Mixin
    StreamsOptions streamsOptions;

    @Mixin
    NlpOptions nlpOptions;

    @Option(names = "--in", paramLabel = "FILE|DIR",
            description = "Enrich these article files (.jsonl, .json, .txt) without Kafka.")
    Path in;

    @Option(names = "--out", paramLabel = "FILE", description = "With --in: write the JSON lines here instead of stdout.")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        NlpEnricher enricher;
        try {
            enricher = nlpOptions.enricher(EmbeddingCache.inStateDirectory(streamsOptions.stateDir), Clock.systemUTC());
        } catch (InvalidWatchlistException | IllegalArgumentException | EmbeddingModelUnavailableException e) {
            spec.commandLine().getErr().println("newswatch enrich: " + e.getMessage());
            return 2;
        }
        if (in != null) {
            return offline(enricher);
        }
        KafkaConnection connection = connectionOptions.connection();
        Topics topics = topicOptions.topics();
        try (Admin admin = Admin.create(connection.clientConfig())) {
            new TopicProvisioner(admin, topicOptions.layout()).ensure(List.of(topics.raw(), topics.enriched(), topics.deadLetter()));
        }
        NewswatchSerdes serdes = new NewswatchSerdes(connection.serdeConfig());
        StreamsContext context = new StreamsContext(connection, topics, serdes, streamsOptions.applicationId("enrich"),
                streamsOptions.stateDir, streamsOptions.threads, streamsOptions.membership());
        StreamsRunner runner = start(context, enricher, nlpOptions.storyWindow());
        ServiceLifecycle.runUntilShutdown("enrich", List.of(serdes, runner));
        return 0;
    }

    private int offline(Enricher enricher) throws IOException {
        if (!Files.exists(in)) {
            spec.commandLine().getErr().println("newswatch enrich: no such file or directory: " + in);
            return 2;
        }
        PrintWriter err = spec.commandLine().getErr();
        OfflineEnrichment.Result result;
        if (out == null) {
            PrintWriter stdout = spec.commandLine().getOut();
            result = new OfflineEnrichment(enricher, nlpOptions.storyWindow(), Clock.systemUTC())
                    .run(in, e -> stdout.println(EnrichedJson.toJson(e)), p -> err.println("skipped " + p));
            stdout.flush();
        } else {
            try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                result = new OfflineEnrichment(enricher, nlpOptions.storyWindow(), Clock.systemUTC()).run(in, e -> {
                    try {
                        writer.write(EnrichedJson.toJson(e));
                        writer.newLine();
                    } catch (IOException x) {
                        throw new java.io.UncheckedIOException(x);
                    }
                }, p -> err.println("skipped " + p));
            }
        }
        err.printf("newswatch enrich: %d articles enriched, %d invalid, %d failed%n",
                result.enriched(), result.invalid(), result.failed());
        return result.enriched() == 0 && (result.invalid() > 0 || result.failed() > 0) ? 1 : 0;
    }

    /** Wires the enrichment topology into a started Streams application (72 h story window). */
    public static StreamsRunner start(StreamsContext context, Enricher enricher) {
        return start(context, enricher, StoryIndex.DEFAULT_WINDOW);
    }

    public static StreamsRunner start(StreamsContext context, Enricher enricher, Duration storyWindow) {
        StreamsBuilder builder = new StreamsBuilder();
        Topics topics = context.topics();
        EnrichTopology.build(builder, topics.raw(), topics.enriched(), context.serdes().rawArticle(),
                context.serdes().enrichedArticle(), enricher, storyWindow);
        return new StreamsRunner("enrich", builder.build(), withSmallFetches(context.streamsProperties())).start();
    }

    /** Records the main consumer hands over per poll, unless configured otherwise. */
    static final int MAX_POLL_RECORDS = 20;
    /** Bytes the main consumer fetches per partition at a time (a few dozen articles), unless configured otherwise. */
    static final int MAX_PARTITION_FETCH_BYTES = 64 * 1024;

    /**
     * A stream thread hands the story step (fed through a repartition topic) its next records only
     * after the records already fetched from the raw topic have been processed, in fetch order. At
     * tens of milliseconds per article, the consumer defaults (up to 1 MB per partition fetched,
     * 1,000 records per poll) hold the story step back for many seconds, so alerts come in bursts
     * and a restarted instance is slow to its first alert. Small fetches and polls keep both steps
     * moving; the restore consumer keeps its large batches.
     */
    static Properties withSmallFetches(Properties props) {
        putUnlessConfigured(props, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        putUnlessConfigured(props, ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, MAX_PARTITION_FETCH_BYTES);
        return props;
    }

    private static void putUnlessConfigured(Properties props, String consumerConfig, int value) {
        if (!props.containsKey(consumerConfig) && !props.containsKey(StreamsConfig.consumerPrefix(consumerConfig))
                && !props.containsKey(StreamsConfig.mainConsumerPrefix(consumerConfig))) {
            props.put(StreamsConfig.mainConsumerPrefix(consumerConfig), value);
        }
    }
}
