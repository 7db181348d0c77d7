package io.newswatch.alerts.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.lucene.document.Document;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryMatch;

import io.newswatch.alerts.match.ArticleFields;
import io.newswatch.alerts.match.CompiledWatchlist;
import io.newswatch.alerts.match.CompiledWatchlists;
import io.newswatch.alerts.match.IndexedWatchlistMatcher;
import io.newswatch.alerts.match.NaiveWatchlistMatcher;
import io.newswatch.alerts.match.WatchlistCompiler;
import io.newswatch.schemas.EnrichedArticle;
import io.newswatch.watchlist.WatchlistFiles;
import io.newswatch.watchlist.WatchlistSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newswatch bench match}: single-threaded matching speed at growing numbers of generated
 * watch-lists, for this service's matcher, stock Lucene Monitor (default presearcher) and the naive
 * every-query-on-every-article loop, checking on a sample that all three find the same matches.
 */
@Command(name = "match", mixinStandardHelpOptions = true,
        description = "Benchmark watch-list matching (single thread) against stock Lucene Monitor and a naive loop.")
public final class MatchBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--sizes", split = ",", defaultValue = "1000,10000,100000",
            description = "Numbers of watch-lists (default: ${DEFAULT-VALUE}).")
    List<Integer> sizes;

    @Option(names = "--articles", defaultValue = "300", description = "Distinct generated articles (default: ${DEFAULT-VALUE}).")
    int articleCount;

    @Option(names = "--seconds", defaultValue = "4", description = "Measuring time per matcher and size (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--sample", defaultValue = "20", description = "Articles on which the three must agree (default: ${DEFAULT-VALUE}).")
    int sample;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    public static void main(String[] args) {
        System.exit(new CommandLine(new MatchBenchCommand()).execute(args));
    }

    private record Speed(double articlesPerSecond, double candidatesPerArticle, double matchesPerArticle) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Workload workload = new Workload(new Vocabulary());
        List<EnrichedArticle> articles = new ArrayList<>();
        for (int i = 0; i < articleCount; i++) {
            articles.add(workload.article(i, seed));
        }
        List<Document> docs = articles.stream().map(ArticleFields::document).toList();
        out.printf(Locale.ROOT, "%d generated articles, %.0f words each on average; single thread, %.0f s per measurement%n",
                articles.size(), articles.stream().mapToInt(a -> a.getArticle().getText().split(" ").length).average().orElse(0),
                seconds);
        out.printf(Locale.ROOT, "%8s | %-28s | %10s | %13s | %12s | %9s | %9s%n", "lists", "matcher", "articles/s",
                "candidates/a", "matches/a", "load s", "heap MB");
        List<String> ratios = new ArrayList<>();
        for (int size : sizes) {
            Path dir = Files.createTempDirectory("newswatch-bench");
            try {
                String yaml = workload.watchlistsYaml(size, seed + size);
                Workload.writeWatchlists(yaml, dir);
                long heapBefore = usedHeap();
                long start = System.nanoTime();
                WatchlistSet set = WatchlistFiles.loadSet(dir, Clock.systemUTC());
                double parseSeconds = (System.nanoTime() - start) / 1e9;
                CompiledWatchlists compiled = new WatchlistCompiler(ArticleFields.analyzer()).compileAll(set);
                double compileSeconds = (System.nanoTime() - start) / 1e9 - parseSeconds;
                IndexedWatchlistMatcher ours = new IndexedWatchlistMatcher(compiled);
                double loadSeconds = (System.nanoTime() - start) / 1e9;
                long oursHeap = usedHeap() - heapBefore;

                long stockStart = System.nanoTime();
                Monitor stock = new Monitor(ArticleFields.analyzer());
                List<MonitorQuery> queries = compiled.watchlists().stream()
                        .map(w -> new MonitorQuery(w.watchlist().id(), w.query())).toList();
                stock.register(queries);
                double stockLoad = (System.nanoTime() - stockStart) / 1e9;
                NaiveWatchlistMatcher naive = new NaiveWatchlistMatcher(compiled.watchlists(), set.version());

                int disagreements = 0;
                for (int i = 0; i < Math.min(sample, docs.size()); i++) {
                    Set<String> a = ours.matchIds(docs.get(i)).ids();
                    Set<String> b = stockIds(stock, docs.get(i));
                    Set<String> c = naive.matchIds(docs.get(i));
                    if (!a.equals(b) || !a.equals(c)) {
                        disagreements++;
                        out.printf(Locale.ROOT, "DISAGREEMENT on article %d: ours %s, stock %s, naive %s%n", i, a, b, c);
                    }
                }
                Speed oursSpeed = measure(docs, d -> {
                    IndexedWatchlistMatcher.RawMatches m = ours.matchIds(d);
                    return new int[] {m.candidates(), m.ids().size()};
                });
                Speed withEvidence = measureArticles(articles, a -> new int[] {0, ours.match(a).size()});
                Speed stockSpeed = measure(docs, d -> {
                    try {
                        var m = stock.match(d, QueryMatch.SIMPLE_MATCHER);
                        return new int[] {m.getQueriesRun(), m.getMatchCount()};
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                Speed naiveSpeed = measure(docs, d -> new int[] {compiled.watchlists().size(), naive.matchIds(d).size()});

                row(out, size, "newswatch (candidates+match)", oursSpeed, loadSeconds, oursHeap);
                row(out, size, "newswatch (+ evidence)", withEvidence, Double.NaN, -1);
                row(out, size, "stock Monitor (default)", stockSpeed, stockLoad, -1);
                row(out, size, "naive (every query)", naiveSpeed, Double.NaN, -1);
                out.printf(Locale.ROOT, "%8d | reload = parse %.2f s + compile %.2f s + candidate index %.2f s%n", size,
                        parseSeconds, compileSeconds, loadSeconds - parseSeconds - compileSeconds);
                out.printf(Locale.ROOT, "%8d | %d watch-lists compiled, %d skipped; agreement on %d articles: %s%n", size,
                        compiled.watchlists().size(), compiled.problems().size(), Math.min(sample, docs.size()),
                        disagreements == 0 ? "all three agree" : disagreements + " DISAGREE");
                out.flush();
                ratios.add(String.format(Locale.ROOT, "%dk: %.1fx stock, %.0fx naive", size / 1000,
                        oursSpeed.articlesPerSecond() / stockSpeed.articlesPerSecond(),
                        oursSpeed.articlesPerSecond() / naiveSpeed.articlesPerSecond()));
                ours.close();
                stock.close();
                if (disagreements > 0) {
                    out.println("ratios (newswatch vs stock Monitor, vs naive): " + String.join("; ", ratios));
                    return 1;
                }
            } finally {
                deleteAll(dir);
            }
        }
        out.println("ratios (newswatch vs stock Monitor, vs naive): " + String.join("; ", ratios));
        return 0;
    }

    private static Set<String> stockIds(Monitor stock, Document d) throws IOException {
        Set<String> ids = new HashSet<>();
        for (QueryMatch m : stock.match(d, QueryMatch.SIMPLE_MATCHER).getMatches()) {
            ids.add(m.getQueryId());
        }
        return ids;
    }

    /** Runs {@code matcher} over the documents round-robin: a warm-up, then for the measuring time. */
    private Speed measure(List<Document> docs, Function<Document, int[]> matcher) {
        return measureArticles(docs, matcher);
    }

    private <T> Speed measureArticles(List<T> items, Function<T, int[]> matcher) {
        // JIT compilation of the matcher and of Lucene takes seconds: measure only after it has settled.
        long warmEnd = System.nanoTime() + (long) (Math.max(2.0, seconds / 2) * 1e9);
        int i = 0;
        while (System.nanoTime() < warmEnd) {
            matcher.apply(items.get(i++ % items.size()));
        }
        long candidates = 0;
        long matches = 0;
        int n = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        do {
            int[] r = matcher.apply(items.get(i++ % items.size()));
            candidates += r[0];
            matches += r[1];
            n++;
        } while (System.nanoTime() < end || n < 3);
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Speed(n / elapsed, (double) candidates / n, (double) matches / n);
    }

    private static void row(PrintWriter out, int size, String name, Speed s, double loadSeconds, long heap) {
        out.printf(Locale.ROOT, "%8d | %-28s | %10.1f | %13.1f | %12.2f | %9s | %9s%n", size, name, s.articlesPerSecond(),
                s.candidatesPerArticle(), s.matchesPerArticle(),
                Double.isNaN(loadSeconds) ? "" : String.format(Locale.ROOT, "%.2f", loadSeconds),
                heap < 0 ? "" : String.format(Locale.ROOT, "%.0f", heap / 1e6));
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static void deleteAll(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
