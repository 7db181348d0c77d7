package io.newswatch.alerts;

import io.newswatch.watchlist.Watchlist;

/**
 * Which extra topic, if any, a watch-list's alerts are also written to, so that a team can be given
 * read access to its own topic only: the watch-list's {@code topic}, else {@code prefix + id} when
 * a prefix is set, else none.
 */
public record AlertRouting(String prefix) {

    public static AlertRouting none() {
        return new AlertRouting(null);
    }

    public String topicFor(Watchlist w) {
        if (w.topic() != null) {
            return w.topic();
        }
        return prefix == null || prefix.isBlank() ? null : prefix + w.id();
    }
}
