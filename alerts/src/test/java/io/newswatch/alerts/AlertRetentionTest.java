package io.newswatch.alerts;

import static io.newswatch.alerts.Articles.enriched;
import static io.newswatch.alerts.Articles.publishedAt;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.newswatch.schemas.Alert;
import io.newswatch.schemas.AlertKind;

/** What later copies of an alerted story do: nothing, or UPDATE alerts; and how long a story is remembered. */
class AlertRetentionTest {

    private static final String TEXT = "Masood drove into pedestrians on Westminster Bridge.";
    private final AlertsTopologyTest.MutableClock clock = new AlertsTopologyTest.MutableClock(Instant.parse("2026-11-22T10:00:00Z"));

    @Test
    void theHourlyPurgeKeepsStoriesForTheLongestThrottle() throws Exception {
        Instant published = Instant.parse("2026-09-01T10:00:00Z");
        try (AlertsHarness h = new AlertsHarness("""
                watchlists:
                  - { id: hourly, throttle: 1h, match: { any: [ { term: pedestrians } ] } }
                  - { id: bimonthly, throttle: 60d, match: { any: [ { term: drove } ] } }
                """, clock)) {
            h.in.pipeInput("a1", publishedAt(enriched("a1", "story-1", "t", TEXT, List.of(), List.of()), published));
            assertThat(h.out.readValuesToList()).extracting(Alert::getWatchlistId).containsExactlyInAnyOrder("hourly", "bimonthly");

            // An unrelated article 45 days on moves event time past the 30-day minimum retention,
            // within the 60-day throttle; then the hourly purge runs.
            Instant later = published.plus(Duration.ofDays(45));
            h.in.pipeInput("x", publishedAt(enriched("x", "story-x", "t", "Nothing to see.", List.of(), List.of()), later));
            h.driver.advanceWallClockTime(Duration.ofHours(2));
            h.in.pipeInput("a2", publishedAt(enriched("a2", "story-1", "t", TEXT, List.of(), List.of()), later));
            assertThat(h.out.readValuesToList()).extracting(Alert::getWatchlistId).containsExactly("hourly");
        }
    }

    @Test
    void aWatchlistCanAskForUpdateAlertsOnLaterCopies() throws Exception {
        try (AlertsHarness h = new AlertsHarness("""
                watchlists:
                  - { id: quiet, match: { any: [ { term: pedestrians } ] } }
                  - { id: chatty, updates: true, match: { any: [ { term: drove } ] } }
                """, clock)) {
            h.in.pipeInput("a1", enriched("a1", "story-1", "t", TEXT, List.of(), List.of()));
            h.in.pipeInput("a2", enriched("a2", "story-1", "t", TEXT, List.of(), List.of()));
            h.in.pipeInput("a3", enriched("a3", "story-1", "t", TEXT, List.of(), List.of()));

            assertThat(h.out.readValuesToList())
                    .extracting(Alert::getWatchlistId, Alert::getKind, Alert::getArticleId, Alert::getRelatedCount)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("quiet", AlertKind.NEW, "a1", 0),
                            org.assertj.core.groups.Tuple.tuple("chatty", AlertKind.NEW, "a1", 0),
                            org.assertj.core.groups.Tuple.tuple("chatty", AlertKind.UPDATE, "a2", 1),
                            org.assertj.core.groups.Tuple.tuple("chatty", AlertKind.UPDATE, "a3", 2));
        }
    }
}
