package io.newswatch.alerts.match;

import java.util.List;

import io.newswatch.watchlist.Watchlist;
import io.newswatch.schemas.Evidence;

/** A watch-list that fired on an article, with why. */
public record WatchlistMatch(Watchlist watchlist, double score, List<Evidence> evidence) {
}
