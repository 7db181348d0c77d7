package io.newswatch.enrich.bench;

import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.newswatch.enrich.EnricherFactory;
import io.newswatch.enrich.NlpEnricher;
import io.newswatch.enrich.OfflineEnrichment;
import io.newswatch.enrich.StageTimes;
import io.newswatch.enrich.compat.CompatibleNameFinderModels;
import io.newswatch.enrich.nlp.AnalyzedText;
import io.newswatch.enrich.nlp.NerModelChoice;
import io.newswatch.enrich.nlp.NlpConfig;
import io.newswatch.enrich.nlp.NlpModels;
import io.newswatch.enrich.nlp.TextAnalyzer;
import io.newswatch.enrich.embed.OnnxSentenceEmbedder;
import io.newswatch.enrich.topic.SemanticTopicClassifier;
import io.newswatch.enrich.topic.Taxonomy;
import io.newswatch.enrich.topic.TopicClassifierChoice;
import io.newswatch.enrich.topic.TopicClassifiers;
import io.newswatch.schemas.RawArticle;
import io.newswatch.watchlist.WatchlistFiles;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newswatch bench enrich}: (a) the full enrichment against (b) the bare name finder on the
 * same sentences, on generated articles. The last line is the ratio of (a) to (b) in sentences/s.
 */
@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = {"Benchmark the enrichment: full pipeline (semantic topics, and cue topics) vs. bare NameFinderME on the same sentences.",
                "Prints the embedding model's load time and memory, articles/s, sentences/s, the embedding step's share,",
                "1 vs 2 thread scaling, and as the last line the ratio (a)/(b) (medians, semantic topics)."})
public final class EnrichBenchCommand implements Callable<Integer> {

    @Option(names = "--articles", defaultValue = "300", description = "Generated articles per pass (default: ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--ner-model", paramLabel = "fast|accurate|FILE", defaultValue = "fast",
            description = "English name finder to measure (default: ${DEFAULT-VALUE}).")
    String nerModel;

    @Option(names = "--heap", description = "Also measure the heap each bundled NER model needs (loads the 37 MB model; "
            + "run with -Xmx2g).")
    boolean heap;

    @Option(names = "--rounds", defaultValue = "5", description = "Timed rounds of (a) and (b); the median is reported "
            + "(default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--thread-rounds", defaultValue = "3", description = "Rounds of the 1 vs 2 thread comparison; 0 skips "
            + "it (default: ${DEFAULT-VALUE}).")
    int threadRounds;

    @Option(names = "--stages", description = "Also print the time of each step of (a) (the embedding's share is always printed).")
    boolean stages;

    @Option(names = "--seed", defaultValue = "42", description = "Corpus seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Runs the benchmark alone, without the {@code newswatch} launcher. */
    public static void main(String[] args) {
        new picocli.CommandLine(new EnrichBenchCommand()).execute(args);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        NerModelChoice choice = NerModelChoice.parse(nerModel);
        if (heap) {
            for (NerModelChoice c : List.of(NerModelChoice.FAST, NerModelChoice.ACCURATE)) {
                double[] measured = heapFor(c);
                out.printf(Locale.ROOT, "heap for NER model %-8s %6.0f MB retained (load %d ms)%n", c, measured[0],
                        (long) measured[1]);
                out.flush();
            }
        }
        out.printf(Locale.ROOT, "load average before: %.2f (%d cores)%n", loadAverage(),
                Runtime.getRuntime().availableProcessors());
        NlpConfig config = NlpConfig.defaults().withEnglishNer(choice);
        NlpModels models = NlpModels.shared(config);
        out.printf(Locale.ROOT, "models loaded in %d ms (NER %s)%n", models.loadMillis(), choice);
        Taxonomy taxonomy = Taxonomy.loadDefault();
        settle();
        long heapBefore = usedHeap();
        long rssBefore = residentBytes();
        long start = System.nanoTime();
        OnnxSentenceEmbedder embedder = OnnxSentenceEmbedder.shared(OnnxSentenceEmbedder.MINILM_L6_V2_Q);
        long embedderMillis = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        SemanticTopicClassifier semanticTopics = TopicClassifiers.semantic(taxonomy);
        long exemplarMillis = (System.nanoTime() - start) / 1_000_000;
        settle();
        long heapAfter = usedHeap();
        long rssAfter = residentBytes();
        out.printf(Locale.ROOT, "embedding model %s loaded in %d ms; %d exemplars embedded and calibrated in %d ms%n",
                embedder.name(), embedderMillis, semanticTopics.calibration().exemplars(), exemplarMillis);
        out.printf(Locale.ROOT, "semantic classifier memory: %.1f MB heap retained, %s native (resident set growth)%n",
                (heapAfter - heapBefore) / 1e6, rssBefore < 0 ? "unknown" : String.format(Locale.ROOT, "%.0f MB",
                        (rssAfter - rssBefore) / 1e6));
        NlpEnricher enricher = EnricherFactory.createWithTopics(config, WatchlistFiles.loadDefault().watchlists(), null,
                TopicClassifierChoice.SEMANTIC, Clock.systemUTC());
        NlpEnricher cuesOnly = EnricherFactory.createWithTopics(config, WatchlistFiles.loadDefault().watchlists(), null,
                TopicClassifierChoice.CUES, Clock.systemUTC());
        List<RawArticle> corpus = GeneratedArticles.generate(articles, seed);

        // The sentences (b) runs on: exactly the token arrays the pipeline gives the name finder.
        TextAnalyzer analyzer = new TextAnalyzer(models);
        List<List<String[]>> sentences = new ArrayList<>();
        int sentenceCount = 0;
        for (RawArticle a : corpus) {
            List<String[]> doc = new ArrayList<>();
            for (String field : new String[] {a.getTitle(), a.getText()}) {
                for (AnalyzedText.Sentence s : analyzer.analyze(field).sentences()) {
                    doc.addAll(TextAnalyzer.finderPieces(s.tokens()));
                    sentenceCount++;
                }
            }
            sentences.add(doc);
        }
        out.printf(Locale.ROOT, "corpus: %d generated articles, %d sentences%n", corpus.size(), sentenceCount);
        out.flush();
        NameFinderME bare = new NameFinderME(models.nameFinders().get("eng"));

        // Warm both paths up on the whole corpus, then alternate them; each round's ratio compares
        // runs made moments apart, which keeps it steady when other processes share the machine.
        runFull(enricher, corpus);
        runFull(cuesOnly, corpus);
        runBare(bare, sentences);
        double[] fullWall = new double[rounds];
        double[] bareWall = new double[rounds];
        double[] cuesWall = new double[rounds];
        double[] fullCpu = new double[rounds];
        double[] bareCpu = new double[rounds];
        double[] cuesCpu = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            Run full;
            Run cues;
            Run bareRun;
            if (round % 2 == 0) {
                full = runFull(enricher, corpus);
                cues = runFull(cuesOnly, corpus);
                bareRun = runBare(bare, sentences);
            } else {
                bareRun = runBare(bare, sentences);
                cues = runFull(cuesOnly, corpus);
                full = runFull(enricher, corpus);
            }
            fullWall[round] = full.wallSeconds();
            fullCpu[round] = full.cpuSeconds();
            cuesWall[round] = cues.wallSeconds();
            cuesCpu[round] = cues.cpuSeconds();
            bareWall[round] = bareRun.wallSeconds();
            bareCpu[round] = bareRun.cpuSeconds();
        }
        printStages(out, enricher, corpus, median(bareCpu), stages);
        for (String clock : List.of("wall", "cpu")) {
            double fullSeconds = median(clock.equals("wall") ? fullWall : fullCpu);
            double cuesSeconds = median(clock.equals("wall") ? cuesWall : cuesCpu);
            double bareSeconds = median(clock.equals("wall") ? bareWall : bareCpu);
            out.printf(Locale.ROOT, "(a) full enrichment, semantic topics, %-4s: %7.1f articles/s  %8.1f sentences/s%n",
                    clock, corpus.size() / fullSeconds, sentenceCount / fullSeconds);
            out.printf(Locale.ROOT, "(a) full enrichment, cue topics,      %-4s: %7.1f articles/s  %8.1f sentences/s%n",
                    clock, corpus.size() / cuesSeconds, sentenceCount / cuesSeconds);
            out.printf(Locale.ROOT, "(b) bare NameFinderME,                %-4s: %7.1f articles/s  %8.1f sentences/s%n",
                    clock, corpus.size() / bareSeconds, sentenceCount / bareSeconds);
        }
        out.printf(Locale.ROOT, "semantic topics cost: x%.2f the CPU time of cue topics per article (median of %d rounds)%n",
                median(fullCpu) / median(cuesCpu), rounds);
        out.flush();
        if (threadRounds > 0) {
            double[] one = new double[threadRounds];
            double[] two = new double[threadRounds];
            runParallel(enricher, corpus, 2);
            for (int round = 0; round < threadRounds; round++) {
                if (round % 2 == 0) {
                    one[round] = runParallel(enricher, corpus, 1);
                    two[round] = runParallel(enricher, corpus, 2);
                } else {
                    two[round] = runParallel(enricher, corpus, 2);
                    one[round] = runParallel(enricher, corpus, 1);
                }
            }
            out.printf(Locale.ROOT, "threads (enricher only, median of %d): 1 -> %.1f articles/s, 2 -> %.1f articles/s "
                            + "(x%.2f; %d cores available)%n", threadRounds, corpus.size() / median(one),
                    corpus.size() / median(two), median(one) / median(two), Runtime.getRuntime().availableProcessors());
        }
        out.printf(Locale.ROOT, "load average after: %.2f%n", loadAverage());
        // The thread's CPU time is what the work costs; wall time also holds whatever else the
        // machine was doing.
        out.printf(Locale.ROOT, "ratio (a)/(b) sentences/s, wall time (median of %d rounds): %.2f%n", rounds,
                median(bareWall) / median(fullWall));
        out.printf(Locale.ROOT, "ratio (a)/(b) sentences/s, CPU time (median of %d rounds): %.2f%n", rounds,
                median(bareCpu) / median(fullCpu));
        out.flush();
        return 0;
    }

    /**
     * One more timed pass of (a) with the time of each step: the embedding's share always, every
     * step with {@code all}, set against (b).
     */
    private static void printStages(PrintWriter out, NlpEnricher enricher, List<RawArticle> corpus, double bareSeconds,
            boolean all) {
        StageTimes times = new StageTimes();
        OfflineEnrichment offline = new OfflineEnrichment(enricher, Duration.ofHours(72), Clock.systemUTC());
        for (RawArticle a : corpus) {
            offline.enrich(a, times);
        }
        double total = times.totalNanos() / 1e6;
        double embedding = times.nanos(StageTimes.Stage.EMBEDDING) / 1e6;
        out.printf(Locale.ROOT, "embedding step: %.1f%% of the CPU time of (a) (%.2f ms per article; topics in all %.2f ms)%n",
                100 * embedding / total, embedding / corpus.size(),
                (embedding + times.nanos(StageTimes.Stage.TOPICS) / 1e6) / corpus.size());
        if (!all) {
            out.flush();
            return;
        }
        out.printf(Locale.ROOT, "stages of (a), one pass, CPU time: %.0f ms%n", total);
        for (Map.Entry<StageTimes.Stage, Long> e : times.asMap().entrySet()) {
            double ms = e.getValue() / 1e6;
            out.printf(Locale.ROOT, "  %-16s %8.1f ms  %5.1f%%%n", e.getKey().name().toLowerCase(Locale.ROOT), ms,
                    100 * ms / total);
        }
        out.printf(Locale.ROOT, "  (b) for comparison (CPU) %6.1f ms; (a) outside the name finder: %.1f ms%n", bareSeconds * 1e3,
                total - times.nanos(StageTimes.Stage.NAMES) / 1e6);
        out.flush();
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** The process's resident set in bytes (Linux), or -1. */
    private static long residentBytes() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    /** Wall and CPU time of one timed pass on the calling thread. */
    record Run(double wallSeconds, double cpuSeconds) {
        static Run of(Runnable pass) {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            pass.run();
            return new Run((System.nanoTime() - wall) / 1e9, (threads.getCurrentThreadCpuTime() - cpu) / 1e9);
        }
    }

    private static Run runFull(NlpEnricher enricher, List<RawArticle> corpus) {
        OfflineEnrichment offline = new OfflineEnrichment(enricher, Duration.ofHours(72), Clock.systemUTC());
        return Run.of(() -> {
            for (RawArticle a : corpus) {
                offline.enrich(a);
            }
        });
    }

    /** The name finder as the pipeline uses it: one document per article, adaptive data cleared after it. */
    private static Run runBare(NameFinderME finder, List<List<String[]>> docs) {
        return Run.of(() -> {
            for (List<String[]> doc : docs) {
                for (String[] tokens : doc) {
                    finder.find(tokens);
                }
                finder.clearAdaptiveData();
            }
        });
    }

    /**
     * Wall time for the corpus split over {@code threads} threads sharing one enricher, as stream
     * threads do (without the story step, which one task runs for all).
     */
    private static double runParallel(NlpEnricher enricher, List<RawArticle> corpus, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            // Warm the per-thread tools first.
            List<Future<?>> warm = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                warm.add(pool.submit(() -> enricher.enrich(corpus.get(0))));
            }
            for (Future<?> f : warm) {
                f.get();
            }
            long start = System.nanoTime();
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int from = t * corpus.size() / threads;
                int to = (t + 1) * corpus.size() / threads;
                parts.add(pool.submit(() -> {
                    for (RawArticle a : corpus.subList(from, to)) {
                        enricher.enrich(a);
                    }
                }));
            }
            for (Future<?> f : parts) {
                f.get();
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            pool.shutdown();
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Retained heap (MB) after loading the model, and load millis. */
    private static double[] heapFor(NerModelChoice choice) throws Exception {
        Runtime rt = Runtime.getRuntime();
        settle();
        long before = rt.totalMemory() - rt.freeMemory();
        long start = System.nanoTime();
        TokenNameFinderModel model;
        try (InputStream in = choice.open()) {
            model = CompatibleNameFinderModels.load(in);
        }
        new NameFinderME(model).find(new String[] {"Warm", "up", "in", "London", "."});
        long millis = (System.nanoTime() - start) / 1_000_000;
        settle();
        long after = rt.totalMemory() - rt.freeMemory();
        double mb = (after - before) / 1e6;
        java.lang.ref.Reference.reachabilityFence(model);
        return new double[] {mb, millis};
    }

    private static void settle() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
    }
}
