package io.newswatch.alerts.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;

import io.newswatch.alerts.AlertFactory;
import io.newswatch.alerts.AlertFormat;
import io.newswatch.alerts.match.ArticleFields;
import io.newswatch.alerts.match.CompiledWatchlists;
import io.newswatch.alerts.match.IndexedWatchlistMatcher;
import io.newswatch.alerts.match.WatchlistCompiler;
import io.newswatch.alerts.match.WatchlistMatch;
import io.newswatch.articles.ArticleFiles;
import io.newswatch.articles.ArticleJson;
import io.newswatch.schemas.Alert;
import io.newswatch.schemas.AlertKind;
import io.newswatch.schemas.EnrichedArticle;
import io.newswatch.schemas.Evidence;
import io.newswatch.schemas.RawArticle;
import io.newswatch.watchlist.InvalidWatchlistException;
import io.newswatch.watchlist.WatchlistFiles;
import io.newswatch.watchlist.WatchlistProblem;
import io.newswatch.watchlist.WatchlistSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newswatch watchlists}: check and try watch-lists before deploying them. */
@Command(name = "watchlists", mixinStandardHelpOptions = true, description = "Validate and test watch-lists.",
        subcommands = {WatchlistsCommand.Validate.class, WatchlistsCommand.Test.class})
public final class WatchlistsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Every problem of a set: structure (the set is refused) and compilation (the watch-list would be skipped). */
    static List<WatchlistProblem> problems(Path path, Clock clock) {
        try {
            WatchlistSet set = WatchlistFiles.loadSet(path, clock);
            return new WatchlistCompiler(ArticleFields.analyzer()).compileAll(set).problems();
        } catch (InvalidWatchlistException e) {
            return e.problems();
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check watch-list files; exit 0 when all are valid, else print every problem as file:line:column: message.")
    static final class Validate implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Watch-list YAML files or directories.")
        List<Path> files;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            int bad = 0;
            for (Path file : files) {
                List<WatchlistProblem> problems = problems(file, Clock.systemUTC());
                problems.forEach(err::println);
                if (problems.isEmpty()) {
                    out.println(file + ": valid");
                } else {
                    bad++;
                }
            }
            err.flush();
            out.flush();
            return bad == 0 ? 0 : 1;
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Enrich archived articles offline, match them against the watch-lists and show which fire and why.")
    static final class Test implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE|DIR", description = "Watch-list YAML file or directory.")
        Path watchlists;

        @Option(names = "--in", required = true, paramLabel = "ARTICLES",
                description = "Articles: a .jsonl/.json/.txt file or a directory of them.")
        Path in;

        @Option(names = "--json", description = "One JSON alert per line instead of a table.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            WatchlistSet set;
            try {
                set = WatchlistFiles.loadSet(watchlists, Clock.systemUTC());
            } catch (InvalidWatchlistException e) {
                e.problems().forEach(err::println);
                err.flush();
                return 1;
            }
            if (!Files.exists(in)) {
                err.println("newswatch watchlists test: " + in + " does not exist");
                err.flush();
                return 2;
            }
            CompiledWatchlists compiled = new WatchlistCompiler(ArticleFields.analyzer()).compileAll(set);
            compiled.problems().forEach(err::println);
            ArticleEnricher enricher = ServiceLoader.load(ArticleEnricher.Factory.class).findFirst()
                    .map(factory -> factory.create(set.watchlists()))
                    .orElseGet(() -> {
                        err.println("note: no enricher installed: entity and topic clauses cannot fire");
                        return new TextOnlyEnricher();
                    });
            Map<String, Integer> perWatchlist = new LinkedHashMap<>();
            compiled.watchlists().forEach(w -> perWatchlist.put(w.watchlist().id(), 0));
            int[] articles = {0};
            List<Alert> alerts = new ArrayList<>();
            try (IndexedWatchlistMatcher matcher = new IndexedWatchlistMatcher(compiled)) {
                new ArticleFiles(new ArticleJson(), Clock.systemUTC()).read(in, new ArticleFiles.Sink() {
                    @Override
                    public void article(RawArticle article, Path file) {
                        articles[0]++;
                        EnrichedArticle enriched = enricher.enrich(article);
                        for (WatchlistMatch m : matcher.match(enriched)) {
                            perWatchlist.merge(m.watchlist().id(), 1, Integer::sum);
                            Alert alert = AlertFactory.toAlert(m, enriched, set.version(), System.currentTimeMillis(),
                                    AlertKind.NEW, 0);
                            alerts.add(alert);
                            out.println(json ? AlertFormat.json(alert) : row(alert));
                        }
                    }

                    @Override
                    public void invalid(String where, String message) {
                        err.println(where + ": " + message);
                    }
                });
            }
            if (!json) {
                out.printf(Locale.ROOT, "%n%d articles, %d matches, watch-list version %s%n", articles[0], alerts.size(),
                        set.version());
                perWatchlist.forEach((id, n) -> out.printf(Locale.ROOT, "  %-30s %5d%n", id, n));
            }
            out.flush();
            err.flush();
            return 0;
        }

        private static String row(Alert a) {
            StringBuilder why = new StringBuilder();
            for (Evidence e : a.getEvidence()) {
                why.append(why.length() == 0 ? "" : "; ").append(e.getClause()).append(' ').append(e.getType())
                        .append(" \"").append(e.getMatched()).append('"');
                if (e.getField() != null) {
                    why.append(" @").append(e.getField().name().toLowerCase(Locale.ROOT)).append(' ')
                            .append(e.getStart()).append('-').append(e.getEnd());
                }
            }
            String title = a.getTitle().length() > 50 ? a.getTitle().substring(0, 49) + "…" : a.getTitle();
            return String.format(Locale.ROOT, "%-20s %-8s %4.2f  %-18s %-50s  %s", a.getWatchlistId(),
                    a.getSeverity().name().toLowerCase(Locale.ROOT), a.getScore(), a.getArticleId(), title, why);
        }
    }
}
