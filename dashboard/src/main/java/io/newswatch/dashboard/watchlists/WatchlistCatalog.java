package io.newswatch.dashboard.watchlists;

import java.time.Instant;
import java.util.List;

import io.newswatch.alerts.reload.WatchlistReloader;
import io.newswatch.watchlist.SourcePosition;
import io.newswatch.watchlist.Watchlist;
import io.newswatch.watchlist.WatchlistProblem;
import io.newswatch.watchlist.WatchlistSet;

/** Where the dashboard learns the watch-lists' definitions and the state of their files. */
@FunctionalInterface
public interface WatchlistCatalog {

    Status status();

    /**
     * The active watch-lists and the state of their files.
     *
     * @param rejected the newest files when they were refused (the active version keeps serving), or null
     * @param skipped  watch-lists of the active version left out, each with where and why
     */
    record Status(String version, Instant loadedAt, String source, List<String> files, List<Entry> watchlists,
            Rejected rejected, List<WatchlistProblem> skipped) {
    }

    record Entry(Watchlist watchlist, SourcePosition position) {
    }

    record Rejected(String version, Instant at, List<WatchlistProblem> problems) {
    }

    /** The catalog of a reloader that watches the same files as the alerts service. */
    static WatchlistCatalog of(WatchlistReloader reloader) {
        return () -> {
            WatchlistSet set = reloader.activeSet();
            List<Entry> entries = set.watchlists().stream().map(w -> new Entry(w, set.position(w.id(), ""))).toList();
            WatchlistReloader.Rejection r = reloader.rejection();
            return new Status(set.version(), set.loadedAt(), set.source(), set.files(), entries,
                    r == null ? null : new Rejected(r.version(), r.at(), r.problems()), reloader.skippedProblems());
        };
    }
}
