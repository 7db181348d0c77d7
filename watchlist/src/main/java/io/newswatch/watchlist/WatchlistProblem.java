package io.newswatch.watchlist;

/** Something wrong in a watch-list file, located for an editor: {@code file:line:column: message}. */
public record WatchlistProblem(String file, int line, int column, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
