package io.newswatch.standalone.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsConfig;

import io.newswatch.alerts.bench.Workload;
import io.newswatch.alerts.reload.WatchlistReloader;
import io.newswatch.core.streams.StreamsSettings;
import io.newswatch.schemas.RawArticle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newswatch bench pipeline}: the whole pipeline as in production — embedded broker and
 * registry, real topics, ingest's producer, enrich and alerts as separate exactly-once Kafka Streams
 * applications — on generated articles and watch-lists. Latency mode publishes at a steady rate (open
 * loop) and times every alert from its article's due publication to the moment a read_committed
 * subscriber can read it; replay mode loads a backlog first and times how long the pipeline takes to
 * work through it. Both check the alerts against what the matcher alone says the enriched articles
 * must give, and end with one line: {@code pipeline rate=... lost=... duplicated=...}.
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = {"Benchmark the whole pipeline (ingest producer, enrich, alerts; exactly-once) on an embedded broker.",
                "Latency mode: --rate R --seconds S. Throughput mode: --replay N. Memory soak: --soak-minutes M."})
public final class PipelineBenchCommand implements Callable<Integer> {

    private static final long SEED = 42;

    @Spec
    CommandSpec spec;

    @Option(names = "--rate", defaultValue = "50", description = "Articles published per second in latency mode (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--seconds", defaultValue = "60", description = "How long articles are published in latency mode (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--replay", defaultValue = "0",
            description = "Throughput mode: put this many articles on the raw topic first, then start the stages and time them.")
    int replay;

    @Option(names = "--soak-minutes", defaultValue = "0",
            description = "Latency mode for this many minutes, with the heap measured after a full GC every 30 s; reports its slope.")
    int soakMinutes;

    @Option(names = "--warmup-seconds", defaultValue = "20",
            description = "Latency mode: publish at the rate this long first, unmeasured, so that the JIT has compiled the "
                    + "NLP and matching code (default: ${DEFAULT-VALUE}).")
    int warmupSeconds;

    @Option(names = "--watchlists", defaultValue = "10000", description = "Generated watch-lists (default: ${DEFAULT-VALUE}).")
    int watchlists;

    @Option(names = "--partitions", defaultValue = "2", description = "Partitions of the topics (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--enrich-instances", defaultValue = "1",
            description = "Enrich applications sharing the raw topic's partitions, as separate instances would (default: ${DEFAULT-VALUE}).")
    int enrichInstances;

    @Option(names = "--enrich-threads", defaultValue = "1", description = "Stream threads per enrich instance (default: ${DEFAULT-VALUE}).")
    int enrichThreads;

    @Option(names = "--kafka-property", paramLabel = "NAME=VALUE",
            description = "A Kafka client or Streams property for every client of the run, e.g. commit.interval.ms=50 (repeatable).")
    Map<String, String> kafkaProperties = new LinkedHashMap<>();

    @Option(names = "--report", paramLabel = "DIR", description = "Write an HTML report with PNG charts to this directory.")
    Path reportDir;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the broker and the stages keep their data (default: a temporary directory, deleted afterwards).")
    Path dataDir;

    @Option(names = "--drain-timeout", defaultValue = "PT60M", description = "Give up waiting for the pipeline to drain after this long (default: ${DEFAULT-VALUE}).")
    Duration drainTimeout;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (soakMinutes > 0) {
            seconds = soakMinutes * 60;
        }
        if (rate <= 0 || seconds <= 0 || replay < 0 || watchlists < 1 || partitions < 1 || enrichInstances < 1 || enrichThreads < 1) {
            spec.commandLine().getErr().println("newswatch bench pipeline: --rate, --seconds, --watchlists, --partitions, "
                    + "--enrich-instances and --enrich-threads must be positive, --replay at least 0");
            return 2;
        }
        boolean temporary = dataDir == null;
        Path dir = temporary ? Files.createTempDirectory("newswatch-bench-pipeline") : Files.createDirectories(dataDir);
        try {
            return run(out, dir);
        } finally {
            if (temporary) {
                deleteAll(dir);
            }
        }
    }

    private int run(PrintWriter out, Path dir) throws Exception {
        Workload workload = Workload.standard();
        Path watchlistDir = dir.resolve("watchlists");
        Workload.writeWatchlists(workload.watchlistsYaml(watchlists, SEED + watchlists), watchlistDir);
        String mode = replay > 0 ? String.format(Locale.ROOT, "replay of %d articles", replay)
                : String.format(Locale.ROOT, "latency at %.1f articles/s for %d s%s", rate, seconds, soakMinutes > 0 ? " (soak)" : "");
        try (WatchlistReloader matcher = WatchlistReloader.start(watchlistDir, Clock.systemUTC(), null, set -> { });
             BenchPipeline pipeline = new BenchPipeline(dir, partitions, kafkaProperties)) {
            StreamsConfig effective = new StreamsConfig(StreamsSettings.forApplication("bench", pipeline.connection,
                    pipeline.topics.deadLetter(), dir, 1));
            out.printf(Locale.ROOT, "pipeline bench: %s; %d watch-lists; %d partitions; enrich %d instance(s) x %d thread(s); "
                    + "%d CPU cores, max heap %d MB; %s, commit.interval.ms=%d%s%n", mode, matcher.get().size(), partitions,
                    enrichInstances, enrichThreads, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                    effective.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG),
                    effective.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG),
                    kafkaProperties.isEmpty() ? "" : ", " + kafkaProperties);
            out.flush();

            double loadSeconds = 0;
            Map<String, Long> cpuAtLoad = Resources.cpuByStage();
            long processCpuAtLoad = Resources.processCpuNanos();
            if (replay > 0) {
                loadSeconds = preload(pipeline, workload);
                out.printf(Locale.ROOT, "ingest: %d articles on %s in %.1f s = %.0f articles/s%n", replay,
                        pipeline.topics.raw(), loadSeconds, replay / loadSeconds);
                out.flush();
            }
            Map<String, Long> ingestCpu = Resources.difference(cpuAtLoad, Resources.cpuByStage(),
                    Resources.processCpuNanos() - processCpuAtLoad);

            if (replay == 0) {
                pipeline.startStages(dir.resolve("streams"), matcher, enrichInstances, enrichThreads);
                if (warmupSeconds > 0) {
                    // Its articles are checked with the rest (the readers start from the beginning) but not timed.
                    RunRecord warmUp = new RunRecord(matcher.get(), System.nanoTime());
                    publishSteadily(pipeline, workload, warmUp, "w", SEED + 1, warmupSeconds);
                    boolean drained = pipeline.awaitDrained(drainTimeout);
                    out.printf(Locale.ROOT, "warm-up: %d articles in %d s, %s%n", warmUp.published.get(), warmupSeconds,
                            drained ? "drained" : "NOT drained");
                    out.flush();
                }
            }
            RunRecord run = new RunRecord(matcher.get(), System.nanoTime());
            Map<String, Long> cpuBefore = Resources.cpuByStage();
            long processCpuBefore = Resources.processCpuNanos();
            if (replay > 0) {
                for (int i = 0; i < replay; i++) {
                    run.dueNanos.put("r" + i, run.startNanos); // the whole backlog is due when the stages start
                }
                run.published.set(replay);
                pipeline.startStages(dir.resolve("streams"), matcher, enrichInstances, enrichThreads);
                out.printf(Locale.ROOT, "stages running %.1f s after start%n", (System.nanoTime() - run.startNanos) / 1e9);
            }
            List<double[]> heapAfterGc = java.util.Collections.synchronizedList(new ArrayList<>());
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "bench-sampler");
                t.setDaemon(true);
                return t;
            });
            try (TopicWatcher<?> enriched = new TopicWatcher<>(pipeline.connection, pipeline.topics.enriched(),
                    pipeline.serdes.enrichedArticle().deserializer(), (k, v, at) -> run.enriched(v, at));
                 TopicWatcher<?> alerts = new TopicWatcher<>(pipeline.connection, pipeline.topics.alerts(),
                         pipeline.serdes.alert().deserializer(), (k, v, at) -> run.alert(v, at))) {
                sampler.scheduleAtFixedRate(() -> sample(pipeline, run), 0, 1, TimeUnit.SECONDS);
                if (soakMinutes > 0) {
                    sampler.scheduleAtFixedRate(() -> {
                        System.gc();
                        heapAfterGc.add(new double[] {(System.nanoTime() - run.startNanos) / 1e9, Resources.heapUsed() / 1e6});
                    }, 30, 30, TimeUnit.SECONDS);
                }
                double achieved = replay > 0 ? 0 : publishSteadily(pipeline, workload, run, "p", SEED, seconds);
                boolean drained = pipeline.awaitDrained(drainTimeout);
                Map<TopicPartition, Long> stable = pipeline.lastStableOffsets(List.of(pipeline.topics.enriched(), pipeline.topics.alerts()));
                drained &= enriched.awaitCaughtUp(stable, Duration.ofMinutes(2));
                drained &= alerts.awaitCaughtUp(stable, Duration.ofMinutes(2));
                double runSeconds = (System.nanoTime() - run.startNanos) / 1e9;
                Map<String, Long> cpu = Resources.difference(cpuBefore, Resources.cpuByStage(),
                        Resources.processCpuNanos() - processCpuBefore);
                sampler.shutdownNow();
                sample(pipeline, run);
                Summary summary = summarise(out, run, cpu, ingestCpu, achieved, loadSeconds, runSeconds, drained, heapAfterGc);
                if (reportDir != null) {
                    new PipelineReport(mode, summary.lines(), run, heapAfterGc).write(reportDir);
                    out.println("report: " + reportDir.resolve("index.html").toAbsolutePath());
                }
                out.println(summary.closingLine());
                out.flush();
                return summary.ok() ? 0 : 1;
            } finally {
                sampler.shutdownNow();
            }
        }
    }

    /** Throughput mode: the backlog, a day of news (publication times spread over 23 hours), put on the raw topic. */
    private double preload(BenchPipeline pipeline, Workload workload) throws Exception {
        long start = System.nanoTime();
        Instant first = Instant.now().minus(Duration.ofHours(23));
        long spacingMillis = Duration.ofHours(23).toMillis() / replay;
        java.util.concurrent.atomic.AtomicLong failures = new java.util.concurrent.atomic.AtomicLong();
        for (int i = 0; i < replay; i++) {
            RawArticle a = workload.rawArticle("r", i, SEED, first.plusMillis(spacingMillis * i));
            pipeline.publisher.publish(a).whenComplete((m, e) -> {
                if (e != null) {
                    failures.incrementAndGet();
                }
            });
        }
        pipeline.publisher.flush();
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " articles could not be published");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Latency mode: publishes on a fixed schedule that never waits for the pipeline; returns the achieved rate. */
    private double publishSteadily(BenchPipeline pipeline, Workload workload, RunRecord run, String prefix, long seed,
            int duration) {
        long total = Math.max(1, Math.round(rate * duration));
        double intervalNanos = 1e9 / rate;
        long firstSent = 0;
        long lastSent = 0;
        for (int i = 0; i < total; i++) {
            RawArticle article = workload.rawArticle(prefix, i, seed, Instant.EPOCH);
            long due = run.startNanos + (long) (i * intervalNanos);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            Instant now = Instant.now();
            article.setPublishedAt(now);
            article.setFetchedAt(now);
            run.dueNanos.put(article.getId(), due);
            pipeline.publisher.publish(article).whenComplete((m, e) -> {
                if (e == null) {
                    run.published.incrementAndGet();
                } else {
                    run.publishFailures.incrementAndGet();
                }
            });
            lastSent = System.nanoTime();
            if (i == 0) {
                firstSent = lastSent;
            }
        }
        pipeline.publisher.flush();
        return total < 2 ? rate : (total - 1) / ((lastSent - firstSent) / 1e9);
    }

    private static void sample(BenchPipeline pipeline, RunRecord run) {
        try {
            boolean running = !pipeline.stages().isEmpty();
            run.sample(new RunRecord.Sample((System.nanoTime() - run.startNanos) / 1e9, run.published.get(),
                    running ? pipeline.languageDone() : 0, run.enrichedRead(), running ? pipeline.matchedArticles() : 0,
                    run.alertsRead(), Resources.heapUsed(), Resources.rss(), Resources.processCpuNanos()));
        } catch (RuntimeException e) {
            // a sample missed while a stage rebalances is no loss
        }
    }

    /** The figures of a run, as printed and as shown in the report. */
    record Summary(List<String> lines, String closingLine, boolean ok) {
    }

    private Summary summarise(PrintWriter out, RunRecord run, Map<String, Long> cpu, Map<String, Long> ingestCpu, double achieved,
            double loadSeconds, double runSeconds, boolean drained, List<double[]> heapAfterGc) {
        List<String> lines = new ArrayList<>();
        double[] ms = run.sortedMillis();
        long articles = replay > 0 ? replay : run.dueNanos.size();
        double lastAlert = run.lastAlertNanos() == 0 ? 0 : (run.lastAlertNanos() - run.startNanos) / 1e9;
        double lastEnriched = run.lastEnrichedNanos() == 0 ? 0 : (run.lastEnrichedNanos() - run.startNanos) / 1e9;
        double closingRate;
        if (replay > 0) {
            closingRate = articles / lastAlert;
            lines.add(String.format(Locale.ROOT, "replay: %d articles, last alert %.1f s after the stages were started "
                    + "(%.0f articles/s end to end); last enriched article at %.1f s", articles, lastAlert, closingRate, lastEnriched));
            lines.add(String.format(Locale.ROOT, "per stage: ingest %.0f articles/s (loading the backlog), enrich %.1f articles/s, "
                    + "alerts keeps up (it waits for enrich)", articles / loadSeconds, articles / lastEnriched));
        } else {
            closingRate = achieved;
            lines.add(String.format(Locale.ROOT, "published %d articles at %.2f articles/s (asked %.1f/s), %d acknowledged, %d failed",
                    articles, achieved, rate, run.published.get(), run.publishFailures.get()));
        }
        lines.add(String.format(Locale.ROOT, "latency, article due -> alert readable (read_committed), %d alerts: p50 %.0f ms, "
                + "p95 %.0f ms, p99 %.0f ms, max %.0f ms", ms.length, RunRecord.percentile(ms, 50), RunRecord.percentile(ms, 95),
                RunRecord.percentile(ms, 99), ms.length == 0 ? 0 : ms[ms.length - 1]));
        long totalCpu = cpu.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder c = new StringBuilder(String.format(Locale.ROOT,
                "CPU: %.1f s in %.1f s (%.2f cores busy), %.1f ms per article:", totalCpu / 1e9, runSeconds,
                totalCpu / 1e9 / runSeconds, totalCpu / 1e6 / articles));
        cpu.forEach((stage, nanos) -> c.append(String.format(Locale.ROOT, " %s %.2f ms (%.0f%%);", stage, nanos / 1e6 / articles,
                totalCpu == 0 ? 0 : 100.0 * nanos / totalCpu)));
        lines.add(c.substring(0, c.length() - 1));
        if (replay > 0) {
            long ingestTotal = ingestCpu.values().stream().mapToLong(Long::longValue).sum();
            lines.add(String.format(Locale.ROOT, "CPU while loading the backlog: %.2f ms per article (producer, broker, generator)",
                    ingestTotal / 1e6 / articles));
            long enrichCpu = cpu.getOrDefault("enrich", 0L);
            long alertsCpu = cpu.getOrDefault("alerts", 0L);
            lines.add(String.format(Locale.ROOT, "one core's worth: enrich %.0f articles/s, alerts %.0f articles/s "
                    + "(from their threads' CPU time per article)", enrichCpu == 0 ? 0 : articles * 1e9 / enrichCpu,
                    alertsCpu == 0 ? 0 : articles * 1e9 / alertsCpu));
        }
        long peakHeap = run.samples().stream().mapToLong(RunRecord.Sample::heapUsed).max().orElse(0);
        lines.add(String.format(Locale.ROOT, "memory: peak RSS %d MB, peak heap used %d MB (max heap %d MB)", Resources.peakRss() >> 20,
                peakHeap >> 20, Runtime.getRuntime().maxMemory() >> 20));
        if (!heapAfterGc.isEmpty()) {
            lines.add(soakLine(heapAfterGc, runSeconds));
        }
        lines.add(String.format(Locale.ROOT, "check: %d enriched articles read (%d missing, %d duplicated); %d alerts expected by "
                + "the matcher alone (warm-up included), %d NEW alerts read, %d lost, %d duplicated, %d unexpected; %s", run.enrichedRead(),
                run.enrichedMissing(), run.enrichedDuplicates(), run.expectedAlerts(), run.observedAlerts(), run.lost(), run.duplicated(),
                run.unexpected(), drained ? "pipeline drained" : "pipeline NOT drained"));
        lines.forEach(out::println);
        out.flush();
        String closing = String.format(Locale.ROOT, "pipeline rate=%.1f/s p50_ms=%d p95_ms=%d p99_ms=%d max_ms=%d alerts=%d lost=%d duplicated=%d",
                closingRate, Math.round(RunRecord.percentile(ms, 50)), Math.round(RunRecord.percentile(ms, 95)),
                Math.round(RunRecord.percentile(ms, 99)), Math.round(ms.length == 0 ? 0 : ms[ms.length - 1]), ms.length,
                run.lost(), run.duplicated());
        boolean ok = drained && run.lost() == 0 && run.duplicated() == 0 && run.unexpected() == 0 && run.enrichedMissing() == 0
                && run.enrichedDuplicates() == 0 && run.publishFailures.get() == 0;
        return new Summary(lines, closing, ok);
    }

    /** Least-squares slope of the heap after a full GC, after a warm-up of a fifth of the run (at least a minute). */
    static String soakLine(List<double[]> heapAfterGc, double runSeconds) {
        double warmUp = Math.max(60, runSeconds / 5);
        List<double[]> kept = heapAfterGc.stream().filter(p -> p[0] >= warmUp).toList();
        if (kept.size() < 2) {
            return String.format(Locale.ROOT, "soak: %d heap samples after warm-up, too few for a slope", kept.size());
        }
        double n = kept.size();
        double mx = kept.stream().mapToDouble(p -> p[0]).sum() / n;
        double my = kept.stream().mapToDouble(p -> p[1]).sum() / n;
        double sxy = kept.stream().mapToDouble(p -> (p[0] - mx) * (p[1] - my)).sum();
        double sxx = kept.stream().mapToDouble(p -> (p[0] - mx) * (p[0] - mx)).sum();
        double slopePerMinute = sxy / sxx * 60;
        return String.format(Locale.ROOT, "soak: heap after full GC %.0f MB at %.0f s, %.0f MB at %.0f s; slope after %.0f s warm-up: "
                + "%+.2f MB/min (%d samples)", heapAfterGc.get(0)[1], heapAfterGc.get(0)[0], kept.get(kept.size() - 1)[1],
                kept.get(kept.size() - 1)[0], warmUp, slopePerMinute, kept.size());
    }

    private static void deleteAll(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
