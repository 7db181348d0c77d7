package io.newswatch.watchlist;

/** Where something starts in a watch-list file (1-based line and column). */
public record SourcePosition(String file, int line, int column) {

    static String key(String watchlistId, String path) {
        return watchlistId + '\u0000' + path;
    }

    /** A problem found later (e.g. when compiling a query) reported at this position. */
    public WatchlistProblem problem(String message) {
        return new WatchlistProblem(file, line, column, message);
    }
}
