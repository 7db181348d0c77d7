package io.newswatch.alerts.reload;

import static io.newswatch.alerts.Articles.enriched;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.newswatch.alerts.match.CompiledWatchlists;
import io.newswatch.alerts.match.WatchlistCompiler;
import io.newswatch.schemas.EnrichedArticle;
import io.newswatch.watchlist.InvalidWatchlistException;
import io.newswatch.watchlist.WatchlistFiles;

/**
 * Hostile watch-list files: each is refused with file:line:column, in bounded time (the timeout
 * only guards against a hang), while the last good set keeps matching.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HostileWatchlistsTest {

    private static final EnrichedArticle POLICE = enriched("a1", "s1", "t", "Police arrived.", List.of(), List.of());
    private static final String GOOD = "watchlists:\n  - { id: w, match: { any: [ { term: police } ] } }\n";

    @TempDir
    Path dir;

    @Test
    void aYamlAliasBombIsRefusedAndTheLastGoodSetStays() throws Exception {
        StringBuilder bomb = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 9; i++) {
            String prev = "*a" + (i - 1);
            bomb.append("a").append(i).append(": &a").append(i).append(" [").append(String.join(", ", java.util.Collections.nCopies(9, prev)))
                    .append("]\n");
        }
        bomb.append("watchlists: [ { id: w, match: { any: [ { term: *a8 } ] } } ]\n");
        refusedWhileLive(bomb.toString(), ":1:1: invalid YAML: Number of aliases for non-scalar nodes exceeds the specified max=50");
    }

    @Test
    void aTenMegabyteFileIsRefused() throws Exception {
        String big = GOOD + "# " + "x".repeat(10 * 1024 * 1024) + "\n";
        refusedWhileLive(big, ":1:1: file larger than 8388608 bytes");
    }

    @Test
    void deeplyNestedBooleanClausesAreRefusedAtTheirPosition() throws Exception {
        StringBuilder nested = new StringBuilder("watchlists:\n  - id: deep\n    match:\n");
        String indent = "      ";
        for (int i = 0; i < 60; i++) {
            nested.append(indent).append("any:\n").append(indent).append("  - ");
            indent += "    ";
            nested.append("\n");
        }
        nested.append(indent).append("term: police\n");
        refusedWhileLive(nested.toString(), "clauses nested deeper than 50");
    }

    @Test
    void aHundredThousandNestedYamlSequencesAreRefusedWithoutBlowingTheStack() throws Exception {
        String deep = "watchlists: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";
        refusedWhileLive(deep, ":1:213: invalid YAML: collections nested deeper than 200");
    }

    @Test
    void duplicateIdsAcrossFilesAreRefusedNamingBothPlaces() throws Exception {
        Path lists = Files.createDirectory(dir.resolve("lists"));
        Files.writeString(lists.resolve("a.yaml"), GOOD);
        try (WatchlistReloader r = WatchlistReloader.start(lists, Clock.systemUTC(), null, c -> { })) {
            String version = r.get().version();
            Files.writeString(lists.resolve("b.yaml"), "watchlists:\n  - { id: w, match: { any: [ { term: fire } ] } }\n");
            assertThat(r.reloadIfChanged()).isFalse();
            assertThat(r.get().version()).isEqualTo(version);
            assertThat(r.get().match(POLICE)).hasSize(1);
        }
        assertThatThrownBy(() -> WatchlistFiles.loadSet(lists, Clock.systemUTC())).isInstanceOf(InvalidWatchlistException.class)
                .hasMessageContaining("b.yaml:2:").hasMessageContaining("'w'");
    }

    @Test
    void wildcardAndProximityQueriesThatWouldBlowUpMatchingAreSkippedAtTheirClause() throws Exception {
        // A regular expression is allowed next to a required word: it only runs on articles holding that word.
        Path file = Files.writeString(dir.resolve("q.yaml"), "watchlists:\n"
                + "  - { id: ok, match: { any: [ { term: police } ] } }\n"
                + "  - { id: star, match: { any: [ { query: '*' } ] } }\n"
                + "  - { id: prefix, match: { any: [ { query: 'a*' } ] } }\n"
                + "  - { id: regexp, match: { any: [ { query: 'police AND /(.*a.*){40}/' } ] } }\n"
                + "  - { id: fuzzy, match: { any: [ { query: 'a~2 b~2 c~2' } ] } }\n");
        CompiledWatchlists compiled = new WatchlistCompiler(io.newswatch.alerts.match.ArticleFields.analyzer()).compileAll(WatchlistFiles.loadSet(file, Clock.systemUTC()));
        assertThat(compiled.watchlists()).extracting(w -> w.watchlist().id()).contains("ok", "regexp")
                .doesNotContain("star", "prefix", "fuzzy");
        assertThat(compiled.problems()).extracting(Object::toString)
                .anySatisfy(p -> assertThat(p).startsWith(file + ":3:").contains("'star'"))
                .anySatisfy(p -> assertThat(p).startsWith(file + ":4:").contains("'prefix'").contains("tried on every article"))
                .anySatisfy(p -> assertThat(p).startsWith(file + ":6:").contains("'fuzzy'"));
    }

    private void refusedWhileLive(String hostile, String expected) throws Exception {
        Path file = dir.resolve("lists.yaml");
        Files.writeString(file, GOOD);
        try (WatchlistReloader r = WatchlistReloader.start(file, Clock.systemUTC(), null, c -> { })) {
            String version = r.get().version();
            Files.writeString(file, hostile);
            assertThat(r.reloadIfChanged()).isFalse();
            assertThat(r.get().version()).isEqualTo(version);
            assertThat(r.get().match(POLICE)).hasSize(1);
            assertThat(r.health().ready()).isTrue();
        }
        assertThatThrownBy(() -> WatchlistFiles.loadSet(file, Clock.systemUTC())).isInstanceOf(InvalidWatchlistException.class)
                .hasMessageStartingWith(file.toString()).hasMessageContaining(expected);
    }
}
