package io.newswatch.enrich.bench;

import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.newswatch.enrich.EnricherFactory;
import io.newswatch.enrich.NlpEnricher;
import io.newswatch.enrich.OfflineEnrichment;
import io.newswatch.enrich.compat.CompatibleNameFinderModels;
import io.newswatch.enrich.nlp.AnalyzedText;
import io.newswatch.enrich.nlp.NerModelChoice;
import io.newswatch.enrich.nlp.NlpConfig;
import io.newswatch.enrich.nlp.NlpModels;
import io.newswatch.enrich.nlp.TextAnalyzer;
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
        description = {"Benchmark the enrichment: full pipeline vs. bare NameFinderME on the same sentences.",
                "Prints articles/s, sentences/s, 1 vs 2 thread scaling, and as the last line the ratio (a)/(b)."})
public final class EnrichBenchCommand implements Callable<Integer> {

    @Option(names = "--articles", defaultValue = "400", description = "Generated articles per pass (default: ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--ner-model", paramLabel = "fast|accurate|FILE", defaultValue = "fast",
            description = "English name finder to measure (default: ${DEFAULT-VALUE}).")
    String nerModel;

    @Option(names = "--heap", description = "Also measure the heap each bundled NER model needs (loads the 37 MB model; "
            + "run with -Xmx2g).")
    boolean heap;

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
        NlpConfig config = NlpConfig.defaults().withEnglishNer(choice);
        NlpModels models = NlpModels.shared(config);
        out.printf(Locale.ROOT, "models loaded in %d ms (NER %s)%n", models.loadMillis(), choice);
        NlpEnricher enricher = EnricherFactory.create(config, WatchlistFiles.loadDefault().watchlists(), null, null,
                Clock.systemUTC());
        List<RawArticle> corpus = GeneratedArticles.generate(articles, seed);

        // The sentences (b) runs on: exactly those the pipeline finds, tokenised the same way.
        TextAnalyzer analyzer = new TextAnalyzer(models);
        List<List<String[]>> sentences = new ArrayList<>();
        int sentenceCount = 0;
        for (RawArticle a : corpus) {
            List<String[]> doc = new ArrayList<>();
            for (String field : new String[] {a.getTitle(), a.getText()}) {
                for (AnalyzedText.Sentence s : analyzer.analyze(field).sentences()) {
                    doc.add(s.tokens());
                }
            }
            sentenceCount += doc.size();
            sentences.add(doc);
        }
        out.printf(Locale.ROOT, "corpus: %d generated articles, %d sentences%n", corpus.size(), sentenceCount);
        NameFinderME bare = new NameFinderME(models.nameFinders().get("eng"));

        // Warm up both paths, then take the best of two alternating runs of each.
        runFull(enricher, corpus.subList(0, Math.min(100, corpus.size())));
        runBare(bare, sentences.subList(0, Math.min(100, sentences.size())));
        double fullSeconds = Double.MAX_VALUE;
        double bareSeconds = Double.MAX_VALUE;
        for (int round = 0; round < 2; round++) {
            fullSeconds = Math.min(fullSeconds, runFull(enricher, corpus));
            bareSeconds = Math.min(bareSeconds, runBare(bare, sentences));
        }
        out.printf(Locale.ROOT, "(a) full enrichment:   %8.1f articles/s  %8.1f sentences/s%n",
                corpus.size() / fullSeconds, sentenceCount / fullSeconds);
        out.printf(Locale.ROOT, "(b) bare NameFinderME: %8.1f articles/s  %8.1f sentences/s%n",
                corpus.size() / bareSeconds, sentenceCount / bareSeconds);
        double twoThreads = runParallel(enricher, corpus, 2);
        out.printf(Locale.ROOT, "threads: 1 -> %.1f articles/s, 2 -> %.1f articles/s (x%.2f; %d cores available)%n",
                corpus.size() / fullSeconds, corpus.size() / twoThreads, fullSeconds / twoThreads,
                Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "ratio (a)/(b) sentences/s: %.2f%n", bareSeconds / fullSeconds);
        out.flush();
        return 0;
    }

    private static double runFull(NlpEnricher enricher, List<RawArticle> corpus) {
        OfflineEnrichment offline = new OfflineEnrichment(enricher, Duration.ofHours(72), Clock.systemUTC());
        long start = System.nanoTime();
        for (RawArticle a : corpus) {
            offline.enrich(a);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static double runBare(NameFinderME finder, List<List<String[]>> docs) {
        long start = System.nanoTime();
        for (List<String[]> doc : docs) {
            for (String[] tokens : doc) {
                finder.find(tokens);
            }
            finder.clearAdaptiveData();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Wall time for the corpus split over {@code threads} threads sharing one enricher, as stream threads do. */
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
