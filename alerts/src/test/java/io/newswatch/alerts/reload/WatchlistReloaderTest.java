package io.newswatch.alerts.reload;

import static io.newswatch.alerts.Articles.enriched;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newswatch.alerts.match.CompiledWatchlists;
import io.newswatch.schemas.EnrichedArticle;
import io.newswatch.watchlist.InvalidWatchlistException;

class WatchlistReloaderTest {

    private static final EnrichedArticle POLICE = enriched("a1", "s1", "t", "Police arrived.", List.of(), List.of());
    private static final EnrichedArticle FIRE = enriched("a2", "s2", "t", "A fire broke out.", List.of(), List.of());

    @TempDir
    Path dir;

    private static String watching(String word) {
        return "watchlists:\n  - { id: w, match: { any: [ { term: " + word + " } ] } }\n";
    }

    private static void awaitVersionChange(WatchlistReloader r, String from) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (r.get().version().equals(from) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    @Test
    void appliesAChangedFileAndKeepsTheLastGoodSetWhenTheNewOneIsInvalid() throws Exception {
        Path file = dir.resolve("lists.yaml");
        Files.writeString(file, watching("police"));
        List<CompiledWatchlists> applied = new ArrayList<>();
        try (WatchlistReloader r = WatchlistReloader.start(file, Clock.systemUTC(), null, applied::add)) {
            String v1 = r.get().version();
            assertThat(r.get().match(POLICE)).hasSize(1);

            Files.writeString(file, watching("fire"));
            assertThat(r.reloadIfChanged()).isTrue();
            assertThat(r.get().version()).isNotEqualTo(v1);
            assertThat(r.get().match(POLICE)).isEmpty();
            assertThat(r.get().match(FIRE)).hasSize(1);

            String v2 = r.get().version();
            Files.writeString(file, "watchlists:\n  - { id: w, severity: urgent, match: { any: [ { term: x } ] } }\n");
            assertThat(r.reloadIfChanged()).isFalse();
            assertThat(r.get().version()).isEqualTo(v2);
            assertThat(r.get().match(FIRE)).hasSize(1);
            assertThat(applied).hasSize(2);
            // Still ready: the last good set serves, and the health detail says what was rejected.
            assertThat(r.health().ready()).isTrue();
            assertThat(r.health().detail()).contains("1 watch-lists, version " + v2).contains("was rejected");
            // The refused file is kept with file, line and column, for the dashboard's watch-list page.
            assertThat(r.rejection()).isNotNull();
            assertThat(r.rejection().problems()).isNotEmpty();
            assertThat(r.rejection().problems().get(0).toString()).startsWith(file.toString() + ":2:");
            assertThat(r.health().detail()).contains(file.toString() + ":2:");

            Files.writeString(file, watching("flood"));
            assertThat(r.reloadIfChanged()).isTrue();
            assertThat(r.rejection()).isNull();
        }
    }

    @Test
    void followsAConfigMapStyleSymlinkSwapWithoutBeingAsked() throws Exception {
        // Kubernetes mounts: lists.yaml -> ..data/lists.yaml, ..data -> ..2026_1; an update swaps ..data.
        Path v1 = Files.createDirectory(dir.resolve("..2026_1"));
        Files.writeString(v1.resolve("lists.yaml"), watching("police"));
        Files.createSymbolicLink(dir.resolve("..data"), v1.getFileName());
        Files.createSymbolicLink(dir.resolve("lists.yaml"), Path.of("..data/lists.yaml"));
        try (WatchlistReloader r = WatchlistReloader.start(dir, Clock.systemUTC(), Duration.ofSeconds(30), c -> { })) {
            String first = r.get().version();
            assertThat(r.get().match(POLICE)).hasSize(1);

            Path v2 = Files.createDirectory(dir.resolve("..2026_2"));
            Files.writeString(v2.resolve("lists.yaml"), watching("fire"));
            Files.createSymbolicLink(dir.resolve("..data_tmp"), v2.getFileName());
            Files.move(dir.resolve("..data_tmp"), dir.resolve("..data"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);

            awaitVersionChange(r, first);
            assertThat(r.get().version()).isNotEqualTo(first);
            assertThat(r.get().match(FIRE)).hasSize(1);
        }
    }

    @Test
    void anInvalidFirstLoadFailsWithItsPosition() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "watchlists:\n  - { id: Bad, match: { any: [ { term: x } ] } }\n");
        assertThatThrownBy(() -> WatchlistReloader.start(file, Clock.systemUTC(), null, c -> { }))
                .isInstanceOf(InvalidWatchlistException.class).hasMessageStartingWith(file + ":2:");
    }
}
