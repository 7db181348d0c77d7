package io.newswatch.watchlist;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Every watch-list of a file or directory, as one versioned set.
 *
 * @param source    the file or directory it was read from
 * @param version   a short hash of the files' names and contents: equal sets have equal versions
 * @param files     the files read, in order
 * @param positions where each watch-list and clause starts, see {@link WatchlistParser.Parsed#position}
 * @param loadedAt  when the files were read
 */
public record WatchlistSet(String source, String version, List<String> files, List<Watchlist> watchlists,
        Map<String, SourcePosition> positions, Instant loadedAt) {

    /** Where the clause at {@code path} of watch-list {@code id} starts, or the file start when unknown. */
    public SourcePosition position(String id, String path) {
        SourcePosition p = positions.get(SourcePosition.key(id, path));
        if (p == null) {
            p = positions.get(SourcePosition.key(id, ""));
        }
        return p != null ? p : new SourcePosition(files.isEmpty() ? source : files.get(0), 1, 1);
    }
}
