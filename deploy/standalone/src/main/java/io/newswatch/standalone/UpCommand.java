package io.newswatch.standalone;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newswatch.alerts.AlertFormat;
import io.newswatch.alerts.AlertRouting;
import io.newswatch.alerts.AlertsCommand;
import io.newswatch.alerts.match.CompiledWatchlists;
import io.newswatch.alerts.reload.WatchlistReloader;
import io.newswatch.core.ServiceLifecycle;
import io.newswatch.core.health.HealthServer;
import io.newswatch.core.config.KafkaConnection;
import io.newswatch.core.serde.NewswatchSerdes;
import io.newswatch.core.streams.GroupMembership;
import io.newswatch.core.streams.StreamsContext;
import io.newswatch.core.streams.StreamsRunner;
import io.newswatch.core.topics.TopicLayout;
import io.newswatch.core.topics.TopicProvisioner;
import io.newswatch.core.topics.Topics;
import io.newswatch.embedded.EmbeddedPlatform;
import io.newswatch.enrich.EnrichCommand;
import io.newswatch.enrich.EnricherFactory;
import io.newswatch.enrich.embed.EmbeddingCache;
import io.newswatch.ingest.ArticlePublisher;
import io.newswatch.ingest.dedup.SeenArticles;
import io.newswatch.ingest.file.DirectoryIngestor;
import io.newswatch.watchlist.InvalidWatchlistException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newswatch up}: the whole pipeline in one process on an embedded broker and registry.
 * This is the one place that wires the stages together.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Run the whole pipeline locally: embedded Kafka broker and schema registry, ingest, enrich "
                + "and alerts in one process; prints alerts as they are emitted.")
public final class UpCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(UpCommand.class);
    static final String PRINTER_GROUP = "newswatch-up-printer";
    static final String ENRICH_APP = "newswatch-enrich";
    static final String ALERTS_APP = "newswatch-alerts";
    static final String DASHBOARD_GROUP = "newswatch-up-dashboard";
    /** One process owns the whole group: a member that went silent is dead, no need to wait long. */
    static final Duration UP_SESSION_TIMEOUT = Duration.ofSeconds(10);
    /**
     * Right after a crash the first write of a restarted transactional producer can be refused with
     * CONCURRENT_TRANSACTIONS while the broker still aborts the dead one's transaction; a second
     * request already in flight then fails its sequence check and the producer stalls for a minute
     * or more. One request in flight per connection avoids that; on one local broker it costs little.
     */
    static final Map<String, String> RESTART_SAFE_PRODUCERS = Map.of("producer.max.in.flight.requests.per.connection", "1");

    @Spec
    CommandSpec spec;

    @Option(names = "--input", paramLabel = "DIR", defaultValue = "${env:NEWSWATCH_HOME:-.}/samples",
            description = "Directory of articles to ingest and watch (default: the samples folder).")
    Path input;

    @Option(names = "--watchlists", paramLabel = "FILE|DIR",
            description = "Watch-list YAML file or directory, reloaded on change (default: the bundled examples).")
    Path watchlists;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = ".newswatch",
            description = "Where the broker, registry and services keep their state (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--once", description = "Exit when everything read has gone through the pipeline.")
    boolean once;

    @Option(names = "--json", description = "Print alerts as JSON, one object per line.")
    boolean json;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5m",
            converter = io.newswatch.ingest.IngestCommand.DurationConverter.class,
            description = "With --once: give up (exit 1) if the pipeline has not drained by then (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @picocli.CommandLine.Mixin
    io.newswatch.dashboard.DashboardOptions dashboardOptions;

    @Option(names = "--poll-interval", paramLabel = "DURATION", defaultValue = "2s",
            converter = io.newswatch.ingest.IngestCommand.DurationConverter.class,
            description = "How often the input directory is scanned for new files (default: ${DEFAULT-VALUE}).")
    Duration pollInterval;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        if (!Files.isDirectory(input)) {
            spec.commandLine().getErr().println("newswatch up: input directory " + input + " does not exist");
            return 2;
        }
        WatchlistReloader matcher;
        // A watch-list's own topic is created before its set becomes active, once there is a broker to create it on.
        AtomicReference<Consumer<CompiledWatchlists>> createWatchlistTopics = new AtomicReference<>(set -> { });
        try {
            // Without --once the watch-lists are watched and reloaded on change, as in the alerts service.
            matcher = WatchlistReloader.start(watchlists, Clock.systemUTC(), once ? null : Duration.ofSeconds(5),
                    set -> createWatchlistTopics.get().accept(set));
        } catch (InvalidWatchlistException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 2;
        }
        Path streamsDir = dataDir.resolve("streams");
        // The NLP models take seconds to load: load them while the broker starts (it matters most after a crash).
        java.util.concurrent.CompletableFuture<io.newswatch.enrich.NlpEnricher> models = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> EnricherFactory.standard(matcher.activeSet().watchlists(),
                            EmbeddingCache.inStateDirectory(streamsDir), Clock.systemUTC()));
        List<AutoCloseable> parts = new ArrayList<>();
        parts.add(matcher);
        try {
            EmbeddedPlatform platform = EmbeddedPlatform.start(dataDir);
            parts.add(platform);
            KafkaConnection connection = new KafkaConnection(platform.bootstrapServers(), platform.schemaRegistryUrl(),
                    RESTART_SAFE_PRODUCERS);
            Topics topics = Topics.defaults();
            Admin admin = Admin.create(connection.clientConfig());
            parts.add(admin);
            TopicProvisioner provisioner = new TopicProvisioner(admin, new TopicLayout(1, (short) 1));
            // Reloads create their sets' topics from now on; the active set's are created with the others.
            createWatchlistTopics.set(AlertsCommand.createTopics(provisioner, AlertRouting.none()));
            Set<String> all = new LinkedHashSet<>(topics.all());
            all.addAll(AlertsCommand.extraTopics(matcher.activeSet().watchlists(), AlertRouting.none()));
            provisioner.ensure(all);
            spec.commandLine().getErr().printf("newswatch up: Kafka at %s, schema registry at %s, data in %s%n",
                    connection.bootstrapServers(), connection.schemaRegistryUrl(), dataDir.toAbsolutePath());
            NewswatchSerdes serdes = new NewswatchSerdes(connection.serdeConfig());
            parts.add(serdes);
            // After a kill the restarted process is the same static member: it takes its partitions
            // back at once instead of waiting for the dead member's session to expire.
            GroupMembership membership = GroupMembership.forDataDir("up", dataDir, UP_SESSION_TIMEOUT);
            StreamsRunner enrich = EnrichCommand.start(
                    new StreamsContext(connection, topics, serdes, ENRICH_APP, streamsDir, 1, membership),
                    models.join());
            parts.add(enrich);
            StreamsRunner alerts = AlertsCommand.start(
                    new StreamsContext(connection, topics, serdes, ALERTS_APP, streamsDir, 1, membership),
                    matcher, Clock.systemUTC());
            parts.add(alerts);
            AlertPrinter printer = new AlertPrinter(connection, PRINTER_GROUP, topics.alerts(),
                    serdes.alert().deserializer(), json ? AlertFormat::json : AlertFormat::readable, spec.commandLine().getOut(), started,
                    membership).start();
            parts.add(printer);
            ArticlePublisher publisher = new ArticlePublisher(connection, topics.raw(), serdes.rawArticle().serializer());
            parts.add(publisher);
            SeenArticles seen = new SeenArticles(dataDir.resolve("ingest").resolve("published"));
            parts.add(seen);
            DirectoryIngestor ingestor = new DirectoryIngestor(input, publisher, seen, Clock.systemUTC());

            if (once) {
                int published = ingestor.ingestOnce();
                boolean drained = awaitDrained(connection, List.of(enrich, alerts), topics, timeout);
                ingestor.rejections().forEach(r -> spec.commandLine().getErr().println("newswatch up: rejected " + r));
                spec.commandLine().getErr().printf("newswatch up: %d new articles, %d dropped, %d alerts printed, %s%n", published,
                        ingestor.dropped(), printer.printed(), drained ? "pipeline drained" : "pipeline NOT drained within " + timeout);
                // 3: everything went through, but some input could not be used (see the log for each)
                return !drained ? 1 : ingestor.dropped() > 0 ? 3 : 0;
            }
            // Like the services, the long-running pipeline answers /healthz, /readyz and /metrics.
            // The dashboard is served on the same port, next to them.
            io.newswatch.dashboard.Dashboard dashboard = io.newswatch.dashboard.Dashboard.start(connection, DASHBOARD_GROUP,
                    topics.alerts(), serdes.alert().deserializer(),
                    io.newswatch.dashboard.watchlists.WatchlistCatalog.of(matcher), dashboardOptions, Clock.systemUTC());
            parts.add(dashboard);
            HealthServer health = ServiceLifecycle.serveHealth("up", List.copyOf(parts));
            if (health != null) {
                parts.add(health);
                spec.commandLine().getErr().println("newswatch up: dashboard at " + dashboard.mountOn(health));
            } else {
                spec.commandLine().getErr().println("newswatch up: no dashboard: its port is taken or turned off (NEWSWATCH_HEALTH_PORT)");
            }
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stop.countDown();
                ServiceLifecycle.closeAll(parts);
            }, "up-shutdown"));
            spec.commandLine().getErr().println("newswatch up: watching " + input.toAbsolutePath() + "; Ctrl-C to stop");
            while (stop.getCount() > 0) {
                try {
                    ingestor.ingestOnce();
                } catch (java.io.IOException e) {
                    log.warn("Reading {} failed: {}; will retry", input, e.toString());
                }
                stop.await(pollInterval.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            }
            return 0;
        } finally {
            if (once) {
                ServiceLifecycle.closeAll(parts);
            }
        }
    }

    /** Waits until every article read has gone through every stage, including the alert printer. */
    private static boolean awaitDrained(KafkaConnection connection, List<StreamsRunner> stages, Topics topics,
            Duration timeout) throws InterruptedException {
        List<PipelineDrain.Stage> inOrder = new ArrayList<>();
        for (StreamsRunner stage : stages) {
            inOrder.add(new PipelineDrain.Stage(stage.applicationId(), stage.inputTopics()));
        }
        inOrder.add(new PipelineDrain.Stage(PRINTER_GROUP, List.of(topics.alerts())));
        try (Admin admin = Admin.create(connection.clientConfig())) {
            boolean drained = new PipelineDrain(admin).awaitDrained(inOrder, Duration.ofMillis(500), timeout);
            if (!drained) {
                log.warn("Pipeline did not drain within {}", timeout);
            }
            return drained;
        }
    }
}
