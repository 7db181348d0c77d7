package io.newswatch.alerts.match;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.newswatch.watchlist.WatchlistParser;
import io.newswatch.watchlist.WatchlistSet;

/** Builds compiled watch-lists from YAML for tests. */
public final class Matchers {

    private Matchers() {
    }

    public static WatchlistSet set(String yaml) throws Exception {
        WatchlistParser.Parsed parsed = WatchlistParser.parseLocated(yaml, "test.yaml");
        return new WatchlistSet("test.yaml", "v1", List.of("test.yaml"), parsed.watchlists(), parsed.positions(),
                Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC).instant());
    }

    public static CompiledWatchlists compiled(String yaml) throws Exception {
        return new WatchlistCompiler(ArticleFields.analyzer()).compileAll(set(yaml));
    }

    public static IndexedWatchlistMatcher indexed(String yaml) throws Exception {
        return new IndexedWatchlistMatcher(compiled(yaml));
    }

    public static MonitorWatchlistMatcher monitor(String yaml) throws Exception {
        return new MonitorWatchlistMatcher(compiled(yaml));
    }
}
