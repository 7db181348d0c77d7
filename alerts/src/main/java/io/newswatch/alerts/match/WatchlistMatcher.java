package io.newswatch.alerts.match;

import java.time.Duration;
import java.util.List;

import io.newswatch.schemas.EnrichedArticle;

/** Finds the watch-lists an enriched article satisfies. Implementations must be thread-safe. */
public interface WatchlistMatcher {

    List<WatchlistMatch> match(EnrichedArticle article);

    /** Identifies the active watch-list set (a content hash), carried on every alert. */
    String version();

    /** How many watch-lists are active. */
    int size();

    /** The longest throttle of the active watch-lists: how long "already alerted" must be remembered. */
    default Duration longestThrottle() {
        return Duration.ZERO;
    }
}
