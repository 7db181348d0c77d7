package io.newswatch.alerts;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.StreamsBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newswatch.alerts.match.SimpleWatchlistMatcher;
import io.newswatch.alerts.match.WatchlistMatcher;
import io.newswatch.watchlist.InvalidWatchlistException;
import io.newswatch.watchlist.WatchlistFiles;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newswatch alerts}: the alerting service against a Kafka cluster. */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = "Run the alerting service: enriched articles in, alerts out.")
public final class AlertsCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(AlertsCommand.class);

    @Mixin
    ConnectionOptions connectionOptions;

    @Mixin
    TopicOptions topicOptions;

    @Mixin
    StreamsOptions streamsOptions;

    @Option(names = "--watchlists", paramLabel = "FILE", defaultValue = "${env:NEWSWATCH_WATCHLISTS}",
            description = "Watch-list YAML file (env NEWSWATCH_WATCHLISTS; default: the bundled examples).")
    Path watchlists;

    @Override
    public Integer call() throws Exception {
        KafkaConnection connection = connectionOptions.connection();
        Topics topics = topicOptions.topics();
        WatchlistMatcher matcher = matcherFor(watchlists);
        try (Admin admin = Admin.create(connection.clientConfig())) {
            new TopicProvisioner(admin, topicOptions.layout())
                    .ensure(List.of(topics.enriched(), topics.alerts(), topics.deadLetter()));
        }
        NewswatchSerdes serdes = new NewswatchSerdes(connection.serdeConfig());
        StreamsContext context = new StreamsContext(connection, topics, serdes, streamsOptions.applicationId("alerts"),
                streamsOptions.stateDir, streamsOptions.threads);
        StreamsRunner runner = start(context, () -> matcher, Clock.systemUTC());
        ServiceLifecycle.runUntilShutdown("alerts", List.of(serdes, runner));
        return 0;
    }

    /** Loads the watch-lists of {@code file} (or the bundled ones when null) into a matcher. */
    public static WatchlistMatcher matcherFor(Path file) throws InvalidWatchlistException {
        WatchlistFiles.Loaded loaded = file == null ? WatchlistFiles.loadDefault() : WatchlistFiles.load(file);
        WatchlistMatcher matcher = new SimpleWatchlistMatcher(loaded.watchlists(),
                SimpleWatchlistMatcher.versionOf(loaded.content()));
        log.info("Watch-lists loaded from {}: {} watch-lists, version {}", loaded.source(), loaded.watchlists().size(),
                matcher.version());
        return matcher;
    }

    /** Wires the alerting topology into a started Streams application. */
    public static StreamsRunner start(StreamsContext context, Supplier<WatchlistMatcher> matcher, Clock clock) {
        StreamsBuilder builder = new StreamsBuilder();
        AlertsTopology.build(builder, context.topics().enriched(), context.topics().alerts(),
                context.serdes().enrichedArticle(), context.serdes().alert(), matcher, clock);
        return new StreamsRunner("alerts", builder.build(), context.streamsProperties()).start();
    }
}
