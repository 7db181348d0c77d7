package io.newswatch.alerts.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;

import io.newswatch.schemas.EnrichedArticle;

/**
 * Runs every watch-list's query against every article: no presearch, cost linear in the number of
 * watch-lists. The reference the indexed matcher is checked against, and the benchmark's baseline.
 */
public final class NaiveWatchlistMatcher implements WatchlistMatcher {

    private final Analyzer analyzer = ArticleFields.analyzer();
    private final List<CompiledWatchlist> watchlists;
    private final EvidenceFinder evidence = new EvidenceFinder(analyzer);
    private final String version;

    public NaiveWatchlistMatcher(List<CompiledWatchlist> watchlists, String version) {
        this.watchlists = List.copyOf(watchlists);
        this.version = version;
    }

    @Override
    public List<WatchlistMatch> match(EnrichedArticle article) {
        Document doc = ArticleFields.document(article);
        IndexSearcher searcher = index(doc).createSearcher();
        List<CompiledWatchlist> hits = new ArrayList<>();
        for (CompiledWatchlist w : watchlists) {
            if (matches(searcher, w) && WatchlistFilters.appliesTo(w.watchlist(), article)) {
                hits.add(w);
            }
        }
        return evidence.explain(article, doc, hits);
    }

    /** Only the query match, without filters or evidence. */
    public Set<String> matchIds(Document doc) {
        IndexSearcher searcher = index(doc).createSearcher();
        Set<String> ids = new LinkedHashSet<>();
        for (CompiledWatchlist w : watchlists) {
            if (matches(searcher, w)) {
                ids.add(w.watchlist().id());
            }
        }
        return ids;
    }

    private static boolean matches(IndexSearcher searcher, CompiledWatchlist w) {
        try {
            return QueryCheck.matches(searcher, w.query());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private MemoryIndex index(Document doc) {
        MemoryIndex index = new MemoryIndex();
        for (IndexableField f : doc) {
            index.addField(f, analyzer);
        }
        return index;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public int size() {
        return watchlists.size();
    }
}
