package io.newswatch.alerts.match;

import java.io.IOException;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;

/**
 * Whether a query matches the one article of an in-memory index. Asks the query's scorer for its
 * first document instead of running a search: a search's collector set-up costs several times
 * more than matching a small query against one document. Scores are not computed, so a query of
 * only filters and exclusions matches too.
 */
final class QueryCheck {

    private QueryCheck() {
    }

    static boolean matches(IndexSearcher searcher, Query query) throws IOException {
        LeafReaderContext leaf = searcher.getIndexReader().leaves().get(0);
        Scorer scorer = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f).scorer(leaf);
        return scorer != null && scorer.iterator().nextDoc() != DocIdSetIterator.NO_MORE_DOCS;
    }
}
