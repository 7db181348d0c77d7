package io.newswatch.ingest;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.newswatch.core.config.KafkaConnection;
import io.newswatch.core.topics.TopicLayout;
import io.newswatch.core.topics.Topics;
import io.newswatch.embedded.EmbeddedPlatform;
import io.newswatch.ingest.bench.FeedFarm;
import io.newswatch.ingest.dedup.SeenArticles;
import io.newswatch.ingest.feed.FeedPoller;
import io.newswatch.ingest.feed.FeedScheduler;
import io.newswatch.ingest.feed.FeedSource;
import io.newswatch.ingest.feed.FeedStateStore;
import io.newswatch.ingest.feed.PollResult;
import io.newswatch.ingest.file.Backfill;
import io.newswatch.ingest.http.AddressPolicy;
import io.newswatch.ingest.http.FetchSettings;
import io.newswatch.ingest.http.HttpFetcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newswatch ingest bench}: measures ingest on this machine against a real embedded broker:
 * the backfill rate of generated article files, and the cost of polling many feeds served from loopback.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark ingest on an embedded broker: backfill rate of generated article files, and the cost of "
                + "a poll round over many loopback feeds (all 304 Not Modified, and with one new item each).")
public final class IngestBenchCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] WORDS = ("council harbour bridge minister budget ferry police court election market "
            + "hospital school river storm energy price union strike report inquiry village city government trade "
            + "ministry coast weather festival museum airport railway station").split(" ");

    @Spec
    CommandSpec spec;

    @Option(names = "--articles", defaultValue = "10000", description = "Articles to backfill (default: ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--feeds", defaultValue = "500", description = "Feeds to poll (default: ${DEFAULT-VALUE}).")
    int feeds;

    @Option(names = "--hosts", defaultValue = "25", description = "Loopback servers the feeds are spread over (default: ${DEFAULT-VALUE}).")
    int hosts;

    @Option(names = "--rounds", defaultValue = "5", description = "Measured poll rounds of each kind (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("newswatch-bench");
        try (EmbeddedPlatform platform = EmbeddedPlatform.start(dir.resolve("platform"))) {
            KafkaConnection connection = new KafkaConnection(platform.bootstrapServers(), platform.schemaRegistryUrl(), Map.of());
            out.printf(Locale.ROOT, "ingest bench: %d CPU cores, max heap %d MB, embedded broker%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
            backfill(out, connection, dir);
            feedPolls(out, connection, dir);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    private void backfill(PrintWriter out, KafkaConnection connection, Path dir) throws Exception {
        Path input = dir.resolve("articles");
        Files.createDirectories(input);
        long bytes = generate(input, articles);
        Topics topics = new Topics("bench-files.raw", "bench-files.enriched", "bench-files.alerts", "bench-files.dlq");
        try (IngestPipeline pipeline = IngestPipeline.open(connection, topics, new TopicLayout(3, (short) 1),
                new SeenArticles(dir.resolve("state-files")), Map.of())) {
            Backfill.Summary s = new Backfill(pipeline.intake(), Clock.systemUTC(), new PrintStream(OutputStream.nullOutputStream()),
                    false).run(List.of(input));
            out.printf(Locale.ROOT, "backfill: %d articles (%.1f MB of JSON lines) in %.2f s = %.0f articles/s "
                    + "(published %d, duplicates %d, failed %d; acks=all, idempotent, lz4)%n", s.read(), bytes / 1e6,
                    s.took().toNanos() / 1e9, s.ratePerSecond(), s.published(), s.duplicates(), s.failed());
            Backfill.Summary again = new Backfill(pipeline.intake(), Clock.systemUTC(),
                    new PrintStream(OutputStream.nullOutputStream()), false).run(List.of(input));
            out.printf(Locale.ROOT, "backfill again (all duplicates): %d articles in %.2f s = %.0f articles/s%n", again.read(),
                    again.took().toNanos() / 1e9, again.ratePerSecond());
        }
    }

    private void feedPolls(PrintWriter out, KafkaConnection connection, Path dir) throws Exception {
        Topics topics = new Topics("bench-feeds.raw", "bench-feeds.enriched", "bench-feeds.alerts", "bench-feeds.dlq");
        try (FeedFarm farm = new FeedFarm(feeds, hosts, 5);
             IngestPipeline pipeline = IngestPipeline.open(connection, topics, new TopicLayout(3, (short) 1),
                     new SeenArticles(dir.resolve("state-feeds")), Map.of())) {
            List<FeedSource> sources = new ArrayList<>();
            for (int i = 0; i < feeds; i++) {
                sources.add(new FeedSource(farm.feedUrl(i), "bench-" + i, Duration.ofMinutes(5), List.of(), "en", true, true));
            }
            FetchSettings settings = FetchSettings.defaults().withHostDelay(Duration.ZERO)
                    .withPolicy(AddressPolicy.allowing(List.of("127.0.0.0/8")));
            FeedPoller poller = new FeedPoller(new HttpFetcher(settings), new FeedStateStore(dir.resolve("state-feeds/feeds")),
                    pipeline.intake(), Clock.systemUTC(), Duration.ofMinutes(1));
            try (FeedScheduler scheduler = new FeedScheduler(sources, poller, 8)) {
                Round first = round(scheduler, farm);
                out.printf(Locale.ROOT, "feeds: first round, %d feeds x 5 new items (page fetched and extracted each): %s%n",
                        feeds, first);
                Round notModified = Round.sum(rounds, () -> round(scheduler, farm));
                out.printf(Locale.ROOT, "feeds: round with every feed 304 Not Modified (mean of %d): %s%n", rounds, notModified);
                Round changed = Round.sum(rounds, () -> {
                    farm.publishNewItem();
                    return round(scheduler, farm);
                });
                out.printf(Locale.ROOT, "feeds: round with one new item in every feed (mean of %d): %s%n", rounds, changed);
            }
        }
    }

    private static Round round(FeedScheduler scheduler, FeedFarm farm) throws InterruptedException {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int requestsBefore = farm.requests();
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        List<PollResult> results = scheduler.pollAllOnce();
        long wallNanos = System.nanoTime() - wall;
        long cpuNanos = os.getProcessCpuTime() - cpu;
        int published = results.stream().mapToInt(PollResult::published).sum();
        int failed = (int) results.stream().filter(r -> r.status() == PollResult.Status.FAILED).count();
        return new Round(1, results.size(), wallNanos, cpuNanos, farm.requests() - requestsBefore, published, failed);
    }

    /** Measurements of poll rounds (totals over {@code rounds}). */
    record Round(int rounds, int feeds, long wallNanos, long cpuNanos, int requests, int published, int failed) {

        interface Run {
            Round run() throws Exception;
        }

        static Round sum(int n, Run run) throws Exception {
            Round total = new Round(0, 0, 0, 0, 0, 0, 0);
            for (int i = 0; i < n; i++) {
                Round r = run.run();
                total = new Round(total.rounds + 1, r.feeds, total.wallNanos + r.wallNanos, total.cpuNanos + r.cpuNanos,
                        total.requests + r.requests, total.published + r.published, total.failed + r.failed);
            }
            return total;
        }

        @Override
        public String toString() {
            double wallMs = wallNanos / 1e6 / rounds;
            double cpuMs = cpuNanos / 1e6 / rounds;
            return String.format(Locale.ROOT, "%.0f ms wall, %.0f ms CPU (%.2f CPU-ms per feed), %.0f feed polls/s, "
                    + "%d HTTP requests, %d articles published, %d failed polls per round", wallMs, cpuMs, cpuMs / feeds,
                    feeds / (wallMs / 1000), requests / rounds, published / rounds, failed / rounds);
        }
    }

    /** Writes {@code n} generated articles as JSON lines (1,000 a file); returns the bytes written. */
    private static long generate(Path dir, int n) throws Exception {
        Random random = new Random(42);
        long bytes = 0;
        BufferedWriter w = null;
        try {
            for (int i = 0; i < n; i++) {
                if (i % 1000 == 0) {
                    if (w != null) {
                        w.close();
                    }
                    w = Files.newBufferedWriter(dir.resolve(String.format("batch-%05d.jsonl", i / 1000)), StandardCharsets.UTF_8);
                }
                ObjectNode a = JSON.createObjectNode();
                a.put("url", "https://outlet" + (i % 50) + ".example/news/" + i + "?utm_source=bench");
                a.put("title", "Generated story " + i + " about the " + WORDS[random.nextInt(WORDS.length)]);
                StringBuilder text = new StringBuilder();
                for (int p = 0; p < 6; p++) {
                    for (int s = 0; s < 60; s++) {
                        text.append(WORDS[random.nextInt(WORDS.length)]).append(s % 12 == 11 ? ". " : " ");
                    }
                    text.append("\n\n");
                }
                a.put("text", text.toString().strip());
                a.put("source", "Outlet " + (i % 50));
                a.put("publishedAt", Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i * 60L).toString());
                a.put("language", "en");
                String line = JSON.writeValueAsString(a);
                w.write(line);
                w.newLine();
                bytes += line.length() + 1;
            }
        } finally {
            if (w != null) {
                w.close();
            }
        }
        return bytes;
    }
}
