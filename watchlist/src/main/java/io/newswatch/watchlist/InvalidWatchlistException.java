package io.newswatch.watchlist;

import java.util.List;
import java.util.stream.Collectors;

/** A watch-list file that cannot be used, with every problem found in it. */
public final class InvalidWatchlistException extends Exception {

    private final List<WatchlistProblem> problems;

    public InvalidWatchlistException(List<WatchlistProblem> problems) {
        super(problems.stream().map(WatchlistProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<WatchlistProblem> problems() {
        return problems;
    }
}
