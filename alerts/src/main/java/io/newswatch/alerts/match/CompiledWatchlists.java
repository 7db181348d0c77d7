package io.newswatch.alerts.match;

import java.util.List;

import io.newswatch.watchlist.WatchlistProblem;
import io.newswatch.watchlist.WatchlistSet;

/** A watch-list set ready to match: the watch-lists that compiled, and why the others did not. */
public record CompiledWatchlists(WatchlistSet set, List<CompiledWatchlist> watchlists, List<WatchlistProblem> problems) {

    public String version() {
        return set.version();
    }
}
