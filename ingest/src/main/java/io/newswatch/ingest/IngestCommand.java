package io.newswatch.ingest;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newswatch.core.ServiceLifecycle;
import io.newswatch.core.cli.ConnectionOptions;
import io.newswatch.core.cli.TopicOptions;
import io.newswatch.ingest.cli.FetchOptions;
import io.newswatch.ingest.cli.FileLimitOptions;
import io.newswatch.ingest.cli.StateOptions;
import io.newswatch.ingest.feed.Durations;
import io.newswatch.ingest.feed.FeedPoller;
import io.newswatch.ingest.feed.FeedScheduler;
import io.newswatch.ingest.feed.FeedSource;
import io.newswatch.ingest.feed.FeedStateStore;
import io.newswatch.ingest.feed.InvalidSourcesException;
import io.newswatch.ingest.feed.PollResult;
import io.newswatch.ingest.feed.SourcesFile;
import io.newswatch.ingest.file.DirectoryIngestor;
import io.newswatch.ingest.http.HttpFetcher;
import io.newswatch.ingest.push.PushServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newswatch ingest}: the ingest service. Any combination of feeds (a sources file), a watched
 * directory of article files and the push API; all publish clean, deduplicated raw articles.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Run the ingest service: feeds, article pages, a watched directory and a push API in; clean, "
                + "deduplicated raw articles on Kafka out. Give at least one of --sources, --input, --push-port.",
        subcommands = {IngestFilesCommand.class, IngestBenchCommand.class})
public final class IngestCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(IngestCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connectionOptions;

    @Mixin
    TopicOptions topicOptions;

    @Mixin
    StateOptions stateOptions;

    @Mixin
    FetchOptions fetchOptions;

    @Mixin
    FileLimitOptions fileLimits;

    @Option(names = "--sources", paramLabel = "FILE", defaultValue = "${env:NEWSWATCH_SOURCES}",
            description = "YAML file of feeds to poll (env NEWSWATCH_SOURCES).")
    Path sources;

    @Option(names = "--input", paramLabel = "DIR", defaultValue = "${env:NEWSWATCH_INPUT_DIR}",
            description = "Directory of article files (.jsonl, .json, .txt, .html) to publish and watch (env NEWSWATCH_INPUT_DIR).")
    Path input;

    @Option(names = "--poll-interval", paramLabel = "DURATION", defaultValue = "${env:NEWSWATCH_INPUT_POLL_INTERVAL:-5s}",
            converter = DurationConverter.class,
            description = "How often the input directory is scanned for new files (env NEWSWATCH_INPUT_POLL_INTERVAL; "
                    + "default: ${DEFAULT-VALUE}).")
    Duration pollInterval;

    @Option(names = "--push-port", paramLabel = "PORT", defaultValue = "${env:NEWSWATCH_PUSH_PORT}",
            description = "Serve the push API (POST /articles) on this port (env NEWSWATCH_PUSH_PORT).")
    Integer pushPort;

    @Option(names = "--push-bind", paramLabel = "ADDRESS", defaultValue = "${env:NEWSWATCH_PUSH_BIND:-0.0.0.0}",
            description = "Address the push API listens on (env NEWSWATCH_PUSH_BIND; default: ${DEFAULT-VALUE}).")
    String pushBind;

    @Option(names = "--push-token", paramLabel = "TOKEN", defaultValue = "${env:NEWSWATCH_PUSH_TOKEN}",
            description = "Bearer token push clients must send; without one the push API needs --push-insecure "
                    + "(env NEWSWATCH_PUSH_TOKEN).")
    String pushToken;

    @Option(names = "--push-insecure", description = "Serve the push API without authentication.")
    boolean pushInsecure;

    @Option(names = "--push-max-bytes", paramLabel = "BYTES", defaultValue = "${env:NEWSWATCH_PUSH_MAX_BYTES:-10485760}",
            description = "Largest push request body (env NEWSWATCH_PUSH_MAX_BYTES; default: ${DEFAULT-VALUE}).")
    long pushMaxBytes;

    @Option(names = "--feed-threads", defaultValue = "${env:NEWSWATCH_FEED_THREADS:-8}",
            description = "Feeds polled at the same time (env NEWSWATCH_FEED_THREADS; default: ${DEFAULT-VALUE}).")
    int feedThreads;

    @Option(names = "--once", description = "Read every feed and the input directory once, publish, and exit.")
    boolean once;

    @Override
    public Integer call() throws Exception {
        if (sources == null && input == null && pushPort == null) {
            spec.commandLine().getErr().println("newswatch ingest: give at least one of --sources, --input, --push-port "
                    + "(or NEWSWATCH_SOURCES, NEWSWATCH_INPUT_DIR, NEWSWATCH_PUSH_PORT)");
            return 2;
        }
        List<FeedSource> feeds = List.of();
        if (sources != null) {
            try {
                feeds = SourcesFile.load(sources);
            } catch (InvalidSourcesException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return 2;
            } catch (IOException e) {
                spec.commandLine().getErr().println("newswatch ingest: cannot read " + sources + ": " + e.getMessage());
                return 2;
            }
        }
        if (input != null && !Files.isDirectory(input)) {
            spec.commandLine().getErr().println("newswatch ingest: input directory " + input + " does not exist");
            return 2;
        }
        if (pushPort != null && (pushToken == null || pushToken.isEmpty()) && !pushInsecure) {
            spec.commandLine().getErr().println("newswatch ingest: the push API needs --push-token (or --push-insecure)");
            return 2;
        }
        List<AutoCloseable> parts = new ArrayList<>();
        IngestPipeline pipeline = IngestPipeline.open(connectionOptions.connection(), topicOptions.topics(),
                topicOptions.layout(), stateOptions.openSeen(), Map.of());
        parts.add(pipeline);
        Clock clock = Clock.systemUTC();
        try {
            FeedScheduler scheduler = null;
            if (!feeds.isEmpty()) {
                FeedPoller poller = new FeedPoller(new HttpFetcher(fetchOptions.settings()),
                        new FeedStateStore(stateOptions.feedStateDir()), pipeline.intake(), clock, Duration.ofMinutes(2));
                scheduler = new FeedScheduler(feeds, poller, feedThreads);
                parts.add(scheduler);
            }
            DirectoryIngestor directory = input == null ? null : new DirectoryIngestor(input, pipeline.intake(), clock,
                    fileLimits.limits(), io.newswatch.ingest.file.RejectedFiles.intoFolder(input, clock));
            if (once) {
                try {
                    return runOnce(scheduler, directory);
                } finally {
                    ServiceLifecycle.closeAll(parts);
                }
            }
            if (pushPort != null) {
                parts.add(new PushServer(new InetSocketAddress(pushBind, pushPort), pushInsecure ? null : pushToken,
                        pushMaxBytes, Duration.ofSeconds(30), pipeline.intake(), clock).start());
            }
            if (scheduler != null) {
                scheduler.start();
            }
            if (directory == null) {
                ServiceLifecycle.runUntilShutdown("ingest", List.copyOf(parts));
                return 0;
            }
            // This loop replaces runUntilShutdown, so the health and metrics endpoints start here.
            io.newswatch.core.health.HealthServer health = ServiceLifecycle.serveHealth("ingest", List.copyOf(parts));
            if (health != null) {
                parts.add(health);
            }
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stop.countDown();
                ServiceLifecycle.closeAll(parts);
            }, "ingest-shutdown"));
            log.info("ingest: watching {}; stop with SIGTERM or Ctrl-C", input.toAbsolutePath());
            while (stop.getCount() > 0) {
                try {
                    int n = directory.ingestOnce();
                    if (n > 0) {
                        log.info("Published {} articles from {}", n, input);
                    }
                } catch (IOException e) {
                    log.warn("Reading {} failed: {}; will retry", input, e.getMessage());
                }
                stop.await(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
            }
            return 0;
        } catch (RuntimeException | IOException e) {
            ServiceLifecycle.closeAll(parts);
            throw e;
        }
    }

    private int runOnce(FeedScheduler scheduler, DirectoryIngestor directory) throws Exception {
        try {
            int failed = 0;
            if (scheduler != null) {
                for (PollResult r : scheduler.pollAllOnce()) {
                    if (r.status() == PollResult.Status.FAILED) {
                        failed++;
                    }
                }
            }
            int published = directory == null ? 0 : directory.ingestOnce();
            long dropped = directory == null ? 0 : directory.dropped();
            spec.commandLine().getErr().printf("newswatch ingest: %d articles published from files, %d dropped; %d feeds failed%n",
                    published, dropped, failed);
            if (directory != null) {
                directory.rejections().forEach(r -> spec.commandLine().getErr().println("newswatch ingest: rejected " + r));
            }
            return failed == 0 && dropped == 0 ? 0 : 1;
        } finally {
            if (scheduler != null) {
                scheduler.close();
            }
        }
    }

    /** Accepts 5s, 2m, 1h or ISO-8601 (PT5S). */
    public static final class DurationConverter implements picocli.CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return Durations.parse(value);
        }
    }
}
