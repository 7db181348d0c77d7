package io.newswatch.alerts.match;

import java.util.List;

import org.apache.lucene.search.Query;

import io.newswatch.watchlist.Clause;
import io.newswatch.watchlist.Watchlist;

/**
 * A watch-list turned into one Lucene query, plus its positive leaf clauses (those not under
 * {@code none}) each with its own query, to explain a match.
 */
public record CompiledWatchlist(Watchlist watchlist, Query query, List<Leaf> leaves) {

    public record Leaf(Clause clause, Query query) {
    }
}
