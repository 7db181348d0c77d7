package io.newswatch.alerts;

import static io.newswatch.alerts.Articles.enriched;
import static io.newswatch.alerts.Articles.publishedAt;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.newswatch.schemas.Alert;
import io.newswatch.schemas.AlertKind;
import io.newswatch.schemas.EnrichedArticle;

/**
 * Throttle windows follow the articles' publication times: a month's archive replayed in a few
 * seconds of wall clock, in any order, gives the alerts it gave live.
 */
class EventTimeReplayTest {

    private static final String WATCHLISTS = """
            watchlists:
              - { id: six-hours, throttle: 6h, match: { any: [ { term: bridge } ] } }
              - { id: daily, throttle: 24h, match: { any: [ { term: bridge } ] } }
              - { id: weekly, throttle: 7d, match: { any: [ { term: bridge } ] } }
            """;
    private static final Instant MONTH = Instant.parse("2026-10-01T00:00:00Z");

    /**
     * 60 stories over a month: each a burst of 2-6 copies within 4 hours, half of them coming back
     * in a second burst 2-12 days later (a trial, an anniversary).
     */
    private static List<EnrichedArticle> archive() {
        Random r = new Random(7);
        List<EnrichedArticle> articles = new ArrayList<>();
        for (int s = 0; s < 60; s++) {
            Instant start = MONTH.plus(Duration.ofMinutes(r.nextInt(30 * 24 * 60)));
            List<Instant> bursts = new ArrayList<>(List.of(start));
            if (r.nextBoolean()) {
                bursts.add(start.plus(Duration.ofHours(48 + r.nextInt(240))));
            }
            for (Instant burst : bursts) {
                for (int c = 2 + r.nextInt(5); c > 0; c--) {
                    String id = "s" + s + "-" + articles.size();
                    articles.add(publishedAt(enriched(id, "story-" + s, "Bridge " + s, "The bridge was closed again.",
                            List.of(), List.of()), burst.plus(Duration.ofMinutes(r.nextInt(240)))));
                }
            }
        }
        return articles;
    }

    /** Per watch-list and story, the number of NEW alerts and of all alerts. */
    private static Map<String, List<Integer>> replay(List<EnrichedArticle> order) throws Exception {
        // The wall clock stands still at "today", weeks after the archive: it must not matter.
        AlertsTopologyTest.MutableClock today = new AlertsTopologyTest.MutableClock(Instant.parse("2026-12-02T12:00:00Z"));
        Map<String, List<Integer>> counts = new TreeMap<>();
        try (AlertsHarness h = new AlertsHarness(WATCHLISTS, today)) {
            for (EnrichedArticle a : order) {
                h.in.pipeInput(a.getArticle().getId(), a);
            }
            for (Alert alert : h.out.readValuesToList()) {
                List<Integer> c = counts.computeIfAbsent(alert.getWatchlistId() + "/" + alert.getStoryId(),
                        k -> new ArrayList<>(List.of(0, 0)));
                c.set(0, c.get(0) + (alert.getKind() == AlertKind.NEW ? 1 : 0));
                c.set(1, c.get(1) + 1);
            }
        }
        return counts;
    }

    @Test
    void anArchiveReplayedOutOfOrderAlertsAsItDidLive() throws Exception {
        List<EnrichedArticle> live = new ArrayList<>(archive());
        live.sort((a, b) -> a.getArticle().getPublishedAt().compareTo(b.getArticle().getPublishedAt()));
        Map<String, List<Integer>> liveAlerts = replay(live);

        // Live order: one alert per burst for 6 h and 24 h, and the weekly list skips returns within 7 days.
        assertThat(liveAlerts).hasSize(180);
        assertThat(liveAlerts.entrySet().stream().filter(e -> e.getKey().startsWith("daily/"))
                .filter(e -> e.getValue().get(0) == 2)).as("stories alerted twice by the daily watch-list").hasSizeGreaterThan(10);
        assertThat(liveAlerts.entrySet().stream().filter(e -> e.getKey().startsWith("weekly/"))
                .filter(e -> e.getValue().get(0) == 1)).as("stories alerted once by the weekly watch-list").hasSizeGreaterThan(40);

        for (long seed = 1; seed <= 5; seed++) {
            List<EnrichedArticle> shuffled = new ArrayList<>(live);
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(replay(shuffled)).as("alerts of the archive shuffled with seed %d", seed).isEqualTo(liveAlerts);
        }
        List<EnrichedArticle> reversed = new ArrayList<>(live);
        Collections.reverse(reversed);
        assertThat(replay(reversed)).as("alerts of the archive read newest first").isEqualTo(liveAlerts);
    }

    /**
     * Two copies of one story, one stating no publication time (so only its fetch time is known), the
     * other a date years old (a page's stale stamp): the story step made them one story, and in
     * either order each watch-list alerts once, the other copy counting as related.
     */
    @Test
    void aCopyWithoutPublicationTimeIsThrottledWithItsStory() throws Exception {
        for (boolean undatedFirst : new boolean[] {true, false}) {
            EnrichedArticle undated = enriched("undated", "story-x", "Bridge closed", "The bridge was closed again.",
                    List.of(), List.of());
            undated.getArticle().setFetchedAt(Instant.parse("2026-12-02T11:00:00Z"));
            EnrichedArticle stale = publishedAt(enriched("stale", "story-x", "Bridge closed",
                    "The bridge was closed again today.", List.of(), List.of()), Instant.parse("2017-03-27T00:00:00Z"));
            Map<String, List<Integer>> alerts = replay(undatedFirst ? List.of(undated, stale) : List.of(stale, undated));
            assertThat(alerts).as("undated copy first: %s", undatedFirst).containsOnlyKeys(
                    "six-hours/story-x", "daily/story-x", "weekly/story-x");
            assertThat(alerts.values()).as("NEW and all alerts per watch-list, undated first: %s", undatedFirst)
                    .allSatisfy(c -> assertThat(c).containsExactly(1, 1));
        }
    }
}
