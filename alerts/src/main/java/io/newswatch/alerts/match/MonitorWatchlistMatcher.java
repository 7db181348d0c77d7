package io.newswatch.alerts.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.monitor.Presearcher;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.monitor.TermWeightor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newswatch.schemas.EnrichedArticle;

/**
 * Matches articles against compiled watch-lists with Lucene Monitor: the watch-lists are indexed
 * by the terms an article must contain for them to match, so an article is only checked against
 * the few watch-lists it could satisfy (the candidates). The presearcher runs two passes
 * (a conjunction is filed under two of its terms, so both must be in the article), files
 * wildcards under their leading letters, and prefers words and entities over topic codes, which
 * are few and shared by many articles.
 */
public final class MonitorWatchlistMatcher implements WatchlistMatcher, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MonitorWatchlistMatcher.class);

    private final Analyzer analyzer;
    private final Monitor monitor;
    private final Map<String, CompiledWatchlist> byId = new HashMap<>();
    private final Map<String, Integer> order = new HashMap<>();
    private final EvidenceFinder evidence;
    private final String version;

    /** Ids of the watch-lists whose query matched, and how many candidates had to be checked. */
    public record RawMatches(Set<String> ids, int candidates) {
    }

    public MonitorWatchlistMatcher(CompiledWatchlists compiled) {
        this(compiled.watchlists(), compiled.version());
    }

    public MonitorWatchlistMatcher(List<CompiledWatchlist> watchlists, String version) {
        this.analyzer = ArticleFields.analyzer();
        this.evidence = new EvidenceFinder(analyzer);
        this.version = version;
        try {
            this.monitor = new Monitor(analyzer, presearcher());
            List<MonitorQuery> queries = new ArrayList<>(watchlists.size());
            for (CompiledWatchlist w : watchlists) {
                String id = w.watchlist().id();
                byId.put(id, w);
                order.put(id, order.size());
                queries.add(new MonitorQuery(id, w.query()));
            }
            monitor.register(queries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The presearcher used here; see the class comment. */
    public static Presearcher presearcher() {
        TermWeightor weightor = TermWeightor.combine(TermWeightor.DEFAULT,
                TermWeightor.fieldWeightor(0.1, ArticleFields.TOPIC));
        return new MultipassTermFilteredPresearcher(2, 0f, weightor,
                List.of(new WildcardPrefixHandler(ArticleFields.TEXT)), Set.of());
    }

    @Override
    public List<WatchlistMatch> match(EnrichedArticle article) {
        Document doc = ArticleFields.document(article);
        RawMatches raw = matchIds(doc);
        if (raw.ids().isEmpty()) {
            return List.of();
        }
        List<CompiledWatchlist> hits = new ArrayList<>(raw.ids().size());
        for (String id : raw.ids()) {
            CompiledWatchlist w = byId.get(id);
            if (w != null && WatchlistFilters.appliesTo(w.watchlist(), article)) {
                hits.add(w);
            }
        }
        hits.sort(Comparator.comparingInt(w -> order.get(w.watchlist().id())));
        return evidence.explain(article, doc, hits);
    }

    /** Only the query match, without filters or evidence. */
    public RawMatches matchIds(Document doc) {
        try {
            MatchingQueries<QueryMatch> result = monitor.match(doc, QueryMatch.SIMPLE_MATCHER);
            if (!result.getErrors().isEmpty()) {
                result.getErrors().forEach((id, e) -> log.warn("Watch-list '{}' failed on an article: {}", id, e.toString()));
            }
            Set<String> ids = new java.util.HashSet<>();
            for (QueryMatch m : result.getMatches()) {
                ids.add(m.getQueryId());
            }
            return new RawMatches(ids, result.getQueriesRun());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public int size() {
        return byId.size();
    }

    @Override
    public void close() {
        try {
            monitor.close();
        } catch (IOException e) {
            log.warn("Closing the watch-list index failed", e);
        }
    }
}
