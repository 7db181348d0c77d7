package io.newswatch.watchlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchlistFilesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void readsEveryYamlFileOfADirectoryAsOneVersionedSet() throws Exception {
        Files.writeString(dir.resolve("a.yaml"), "watchlists:\n  - { id: a, match: { any: [ { term: x } ] } }\n");
        Files.writeString(dir.resolve("b.yml"), "watchlists:\n  - id: b\n    match:\n      any:\n        - phrase: y z\n");
        Files.writeString(dir.resolve("notes.txt"), "not a watch-list");
        Files.createDirectory(dir.resolve("..data"));
        Files.writeString(dir.resolve("..data").resolve("c.yaml"), "broken: [");

        WatchlistSet set = WatchlistFiles.loadSet(dir, CLOCK);

        assertThat(set.watchlists()).extracting(Watchlist::id).containsExactly("a", "b");
        assertThat(set.loadedAt()).isEqualTo(CLOCK.instant());
        assertThat(set.position("b", "match.any[0]")).isEqualTo(new SourcePosition(dir.resolve("b.yml").toString(), 5, 11));
        String version = set.version();
        assertThat(WatchlistFiles.loadSet(dir, CLOCK).version()).isEqualTo(version);
        assertThat(WatchlistFiles.versionOf(dir)).isEqualTo(version);

        Files.writeString(dir.resolve("b.yml"), "watchlists:\n  - { id: b, match: { any: [ { term: w } ] } }\n");
        assertThat(WatchlistFiles.loadSet(dir, CLOCK).version()).isNotEqualTo(version);
    }

    @Test
    void reportsProblemsOfEveryFileAndIdsUsedTwice() throws Exception {
        Files.writeString(dir.resolve("a.yaml"), "watchlists:\n  - { id: a, match: { any: [ { term: x } ] } }\n");
        Files.writeString(dir.resolve("b.yaml"), "watchlists:\n  - { id: a, match: { any: [ { term: y } ] } }\n");
        Files.writeString(dir.resolve("c.yaml"), "watchlists:\n  - { id: c, severity: urgent, match: { any: [ { term: y } ] } }\n");

        InvalidWatchlistException e = catchThrowableOfType(InvalidWatchlistException.class,
                () -> WatchlistFiles.loadSet(dir, CLOCK));

        assertThat(e.problems()).extracting(WatchlistProblem::toString).containsExactly(
                dir.resolve("b.yaml") + ":2:5: duplicate watch-list id 'a' (also in " + dir.resolve("a.yaml") + ")",
                dir.resolve("c.yaml") + ":2:24: severity must be one of low, medium, high, critical; was 'urgent'");
    }

    @Test
    void theBundledSetIsValid() {
        WatchlistSet set = WatchlistFiles.defaultSet(CLOCK);
        assertThat(set.watchlists()).isNotEmpty();
        assertThat(set.version()).hasSize(12);
    }
}
