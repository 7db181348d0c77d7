package io.newswatch.alerts;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.StreamsBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newswatch.alerts.match.ArticleFields;
import io.newswatch.alerts.match.CompiledWatchlist;
import io.newswatch.alerts.match.CompiledWatchlists;
import io.newswatch.alerts.match.IndexedWatchlistMatcher;
import io.newswatch.alerts.match.WatchlistCompiler;
import io.newswatch.alerts.match.WatchlistMatcher;
import io.newswatch.alerts.reload.WatchlistReloader;
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
import io.newswatch.watchlist.InvalidWatchlistException;
import io.newswatch.watchlist.Watchlist;
import io.newswatch.watchlist.WatchlistFiles;
import io.newswatch.watchlist.WatchlistProblem;
import io.newswatch.watchlist.WatchlistSet;
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

    @Option(names = "--watchlists", paramLabel = "FILE|DIR", defaultValue = "${env:NEWSWATCH_WATCHLISTS}",
            description = "Watch-list YAML file, or a directory of them (e.g. a mounted ConfigMap); changes are applied "
                    + "without a restart (env NEWSWATCH_WATCHLISTS; default: the bundled examples).")
    Path watchlists;

    @Option(names = "--watchlists-check-interval", paramLabel = "DURATION",
            defaultValue = "${env:NEWSWATCH_WATCHLISTS_CHECK_INTERVAL:-PT30S}",
            description = "Besides file-system events, how often the watch-list files are compared with the active "
                    + "version (ISO-8601; default: ${DEFAULT-VALUE}).")
    Duration checkInterval;

    @Option(names = "--per-watchlist-topics", paramLabel = "PREFIX", defaultValue = "${env:NEWSWATCH_PER_WATCHLIST_TOPICS}",
            description = "Also write each watch-list's alerts to PREFIX<watch-list id> (a watch-list's own 'topic' "
                    + "wins); such topics are created when absent (env NEWSWATCH_PER_WATCHLIST_TOPICS).")
    String perWatchlistTopics;

    @Option(names = "--update-alerts", defaultValue = "${env:NEWSWATCH_UPDATE_ALERTS:-false}",
            description = "Emit an UPDATE alert with the related count for later copies of an alerted story "
                    + "(env NEWSWATCH_UPDATE_ALERTS; default: ${DEFAULT-VALUE}).")
    boolean updateAlerts;

    @Override
    public Integer call() throws Exception {
        KafkaConnection connection = connectionOptions.connection();
        Topics topics = topicOptions.topics();
        AlertRouting routing = new AlertRouting(perWatchlistTopics);
        List<AutoCloseable> parts = new ArrayList<>();
        Admin admin = Admin.create(connection.clientConfig());
        parts.add(admin);
        TopicProvisioner provisioner = new TopicProvisioner(admin, topicOptions.layout());
        provisioner.ensure(List.of(topics.enriched(), topics.alerts(), topics.deadLetter()));
        WatchlistReloader reloader;
        try {
            reloader = WatchlistReloader.start(watchlists, Clock.systemUTC(), checkInterval,
                    createTopics(provisioner, routing));
        } catch (InvalidWatchlistException e) {
            System.err.println(e.getMessage());
            ServiceLifecycle.closeAll(parts);
            return 2;
        }
        parts.add(reloader);
        NewswatchSerdes serdes = new NewswatchSerdes(connection.serdeConfig());
        parts.add(serdes);
        StreamsContext context = new StreamsContext(connection, topics, serdes, streamsOptions.applicationId("alerts"),
                streamsOptions.stateDir, streamsOptions.threads, streamsOptions.membership());
        parts.add(start(context, reloader, Clock.systemUTC(), new AlertsTopology.Options(routing, updateAlerts)));
        ServiceLifecycle.runUntilShutdown("alerts", parts);
        return 0;
    }

    /** Creates the per-watch-list topics of a new set before it becomes active, so that no alert waits for one. */
    public static Consumer<CompiledWatchlists> createTopics(TopicProvisioner provisioner, AlertRouting routing) {
        return compiled -> {
            List<String> names = extraTopics(compiled.watchlists().stream().map(CompiledWatchlist::watchlist).toList(), routing);
            if (!names.isEmpty()) {
                provisioner.ensure(names);
            }
        };
    }

    /** The topics besides the alert topic that {@code watchlists}' alerts are also written to. */
    public static List<String> extraTopics(Collection<Watchlist> watchlists, AlertRouting routing) {
        return watchlists.stream().map(routing::topicFor).filter(Objects::nonNull).distinct().toList();
    }

    /** Loads the watch-lists of {@code file} (or the bundled ones when null) into a matcher, without reloading. */
    public static WatchlistMatcher matcherFor(Path file) throws InvalidWatchlistException {
        WatchlistSet set = file == null ? WatchlistFiles.defaultSet(Clock.systemUTC()) : WatchlistFiles.loadSet(file, Clock.systemUTC());
        CompiledWatchlists compiled = new WatchlistCompiler(ArticleFields.analyzer()).compileAll(set);
        for (WatchlistProblem p : compiled.problems()) {
            log.error("{}", p);
        }
        WatchlistMatcher matcher = new IndexedWatchlistMatcher(compiled);
        log.info("Watch-lists loaded from {}: {} watch-lists ({} skipped), version {}", set.source(), matcher.size(),
                compiled.problems().size(), matcher.version());
        return matcher;
    }

    /** Wires the alerting topology into a started Streams application. */
    public static StreamsRunner start(StreamsContext context, Supplier<WatchlistMatcher> matcher, Clock clock) {
        return start(context, matcher, clock, AlertsTopology.Options.defaults());
    }

    public static StreamsRunner start(StreamsContext context, Supplier<WatchlistMatcher> matcher, Clock clock,
            AlertsTopology.Options options) {
        StreamsBuilder builder = new StreamsBuilder();
        AlertsTopology.build(builder, context.topics().enriched(), context.topics().alerts(),
                context.serdes().enrichedArticle(), context.serdes().alert(), matcher, clock, options);
        return new StreamsRunner("alerts", builder.build(), context.streamsProperties()).start();
    }
}
