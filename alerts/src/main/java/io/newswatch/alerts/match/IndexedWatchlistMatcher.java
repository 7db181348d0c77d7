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
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.FixedBitSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newswatch.schemas.EnrichedArticle;

/**
 * The service's matcher. An article is indexed once in memory; its distinct words, entities and
 * topics select the candidate watch-lists through a {@link CandidateIndex} (hash look-ups, no
 * query run), and only the candidates' compiled queries are run on the article. Building it is
 * parsing plus one key extraction per watch-list, so a reload of 100,000 watch-lists takes seconds.
 */
public final class IndexedWatchlistMatcher implements WatchlistMatcher, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IndexedWatchlistMatcher.class);

    private final Analyzer analyzer = ArticleFields.analyzer();
    private final EvidenceFinder evidence = new EvidenceFinder(analyzer);
    private final List<CompiledWatchlist> watchlists;
    private final CandidateIndex index;
    private final String version;

    /** Ids of the watch-lists whose query matched (in watch-list order), and how many candidates were checked. */
    public record RawMatches(Set<String> ids, int candidates) {
    }

    public IndexedWatchlistMatcher(CompiledWatchlists compiled) {
        this(compiled.watchlists(), compiled.version());
    }

    /** The watch-lists must come from {@link WatchlistCompiler}, which rejects those no key could select. */
    public IndexedWatchlistMatcher(List<CompiledWatchlist> watchlists, String version) {
        this.watchlists = List.copyOf(watchlists);
        this.version = version;
        CandidateKeys keys = new CandidateKeys(TermRarity.english());
        List<List<CandidateKeys.Requirement>> requirements = new ArrayList<>(this.watchlists.size());
        for (CompiledWatchlist w : this.watchlists) {
            List<CandidateKeys.Requirement> r = keys.requirements(w.query());
            if (r.isEmpty()) {
                throw new IllegalArgumentException("watch-list '" + w.watchlist().id() + "' has no required word, entity or topic");
            }
            requirements.add(r);
        }
        this.index = new CandidateIndex(requirements);
    }

    @Override
    public List<WatchlistMatch> match(EnrichedArticle article) {
        MemoryIndex memory = index(ArticleFields.document(article), true);
        IndexSearcher searcher = searcher(memory);
        List<CompiledWatchlist> hits = new ArrayList<>();
        FixedBitSet candidates = candidates(searcher);
        for (int i = candidates.nextSetBit(0); i != DocIdSetIterator.NO_MORE_DOCS; i = next(candidates, i)) {
            CompiledWatchlist w = watchlists.get(i);
            if (matches(searcher, w) && WatchlistFilters.appliesTo(w.watchlist(), article)) {
                hits.add(w);
            }
        }
        return evidence.explain(article, searcher, hits);
    }

    /** Only the query match, without filters or evidence. */
    public RawMatches matchIds(Document doc) {
        IndexSearcher searcher = searcher(index(doc, false));
        FixedBitSet candidates = candidates(searcher);
        Set<String> ids = new LinkedHashSet<>();
        int count = 0;
        for (int i = candidates.nextSetBit(0); i != DocIdSetIterator.NO_MORE_DOCS; i = next(candidates, i)) {
            count++;
            CompiledWatchlist w = watchlists.get(i);
            if (matches(searcher, w)) {
                ids.add(w.watchlist().id());
            }
        }
        return new RawMatches(ids, count);
    }

    private static int next(FixedBitSet bits, int i) {
        return i + 1 >= bits.length() ? DocIdSetIterator.NO_MORE_DOCS : bits.nextSetBit(i + 1);
    }

    private FixedBitSet candidates(IndexSearcher searcher) {
        try {
            LeafReader reader = searcher.getIndexReader().leaves().get(0).reader();
            return index.candidates(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean matches(IndexSearcher searcher, CompiledWatchlist w) {
        try {
            return QueryCheck.matches(searcher, w.query());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // One watch-list that cannot run (e.g. a wildcard expanding to too many words) must not stop the others.
            log.warn("Watch-list '{}' failed on an article: {}", w.watchlist().id(), e.toString());
            return false;
        }
    }

    private MemoryIndex index(Document doc, boolean offsets) {
        MemoryIndex memory = new MemoryIndex(offsets, false);
        for (IndexableField f : doc) {
            memory.addField(f, analyzer);
        }
        return memory;
    }

    private static IndexSearcher searcher(MemoryIndex memory) {
        IndexSearcher searcher = memory.createSearcher();
        searcher.setQueryCache(null);
        return searcher;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public int size() {
        return watchlists.size();
    }

    @Override
    public java.time.Duration longestThrottle() {
        return watchlists.stream().map(w -> w.watchlist().throttle()).max(java.time.Duration::compareTo)
                .orElse(java.time.Duration.ZERO);
    }

    /** Holds no resources; closeable so that it can stand in for an index that does. */
    @Override
    public void close() {
    }
}
