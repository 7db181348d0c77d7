package io.newswatch.alerts.match;

/** A clause that cannot be turned into a query; {@code path} locates it in its watch-list. */
public final class WatchlistCompileException extends Exception {

    private final String path;

    public WatchlistCompileException(String path, String message) {
        super(message);
        this.path = path;
    }

    public String path() {
        return path;
    }
}
