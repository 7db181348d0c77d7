package io.newswatch.dashboard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.newswatch.dashboard.TestAlerts;
import io.newswatch.schemas.Alert;
import io.newswatch.schemas.Severity;

class AlertStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    private static Alert alert(String watchlist, Severity severity, String article, String source, String topic, int minutesAgo) {
        return TestAlerts.alert(watchlist, severity, "story-" + article, article, "Bridge closed after " + article,
                source, List.of(topic), "The bridge was closed on Monday.", "bridge", NOW.minusSeconds(60L * minutesAgo));
    }

    @Test
    void keepsTheNewestAlertsOnceEachAndListsThemNewestFirst() {
        AlertStore store = new AlertStore(3);
        List<Long> heard = new ArrayList<>();
        store.onAdded(s -> heard.add(s.seq()));
        store.add(alert("w", Severity.LOW, "a1", "BBC", "politics", 40), 0, 0);
        store.add(alert("w", Severity.LOW, "a2", "BBC", "politics", 30), 0, 1);
        assertThat(store.add(alert("w", Severity.LOW, "a2", "BBC", "politics", 30), 0, 1)).isEmpty(); // read again
        store.add(alert("w", Severity.LOW, "a4", "BBC", "politics", 10), 0, 3);
        store.add(alert("w", Severity.LOW, "a3", "BBC", "politics", 20), 0, 2);

        AlertStore.Page page = store.query(AlertFilter.all(), 10);
        assertThat(page.alerts()).extracting(s -> s.alert().getArticleId()).containsExactly("a4", "a3", "a2");
        assertThat(store.size()).isEqualTo(3);
        assertThat(heard).containsExactly(1L, 2L, 3L, 4L);
        assertThat(store.query(AlertFilter.all(), 1).matched()).isEqualTo(3);
        assertThat(store.after(2, AlertFilter.all())).extracting(StoredAlert::seq).containsExactly(3L, 4L);
        // The chart counts outlive eviction: a1 is gone from the list but still counted.
        assertThat(store.activity(NOW, 24).get("w").seen()).isEqualTo(4);
        assertThat(store.activity(NOW, 24).get("w").stored()).isEqualTo(3);
    }

    @Test
    void filtersByWatchlistSeverityTopicSourceTimeAndWords() {
        AlertStore store = new AlertStore(100);
        store.add(alert("uk-terror", Severity.HIGH, "a1", "BBC News", "crime-law-justice", 5), 0, 0);
        store.add(alert("uk-terror", Severity.HIGH, "a2", "Reuters", "politics", 90), 0, 1);
        store.add(alert("markets", Severity.LOW, "a3", "Reuters", "economy-business-finance", 3 * 24 * 60), 0, 2);

        assertThat(ids(store, Map.of("watchlist", List.of("markets")))).containsExactly("a3");
        assertThat(ids(store, Map.of("watchlist", List.of("markets,uk-terror")))).hasSize(3);
        assertThat(ids(store, Map.of("severity", List.of("medium")))).containsExactly("a1", "a2");
        assertThat(ids(store, Map.of("topic", List.of("politics")))).containsExactly("a2");
        assertThat(ids(store, Map.of("source", List.of("bbc news")))).containsExactly("a1");
        assertThat(ids(store, Map.of("since", List.of("1h")))).containsExactly("a1");
        assertThat(ids(store, Map.of("since", List.of("PT2H")))).containsExactly("a1", "a2");
        assertThat(ids(store, Map.of("since", List.of("2026-11-19T00:00:00Z"), "until", List.of("2026-11-20T00:00:00Z"))))
                .containsExactly("a3");
        assertThat(ids(store, Map.of("q", List.of("BRIDGE a3")))).containsExactly("a3");
        assertThat(ids(store, Map.of("q", List.of("monday closed")))).hasSize(3);
        assertThat(ids(store, Map.of("q", List.of("flood")))).isEmpty();
    }

    @Test
    void namesTheParameterThatIsWrong() {
        assertThatThrownBy(() -> AlertFilter.fromQuery(Map.of("severity", List.of("urgent")), NOW))
                .hasMessageContaining("severity").hasMessageContaining("urgent");
        assertThatThrownBy(() -> AlertFilter.fromQuery(Map.of("since", List.of("yesterday")), NOW))
                .hasMessageContaining("since").hasMessageContaining("yesterday");
    }

    @Test
    void countsAlertsPerHourForTheCharts() {
        AlertStore store = new AlertStore(100);
        store.add(alert("w", Severity.LOW, "a1", "BBC", "politics", 10), 0, 0);
        store.add(alert("w", Severity.LOW, "a2", "BBC", "politics", 20), 0, 1);
        store.add(alert("w", Severity.LOW, "a3", "BBC", "politics", 150), 0, 2);
        AlertStore.WatchlistActivity a = store.activity(NOW, 6).get("w");
        // NOW is 12:00: 11:50 and 11:40 fall in the 11:00 hour, 09:30 in the 09:00 hour.
        assertThat(a.hourlyCounts()).containsExactly(0, 0, 1, 0, 2, 0);
        assertThat(a.timelineFrom()).isEqualTo(Instant.parse("2026-11-22T07:00:00Z"));
        assertThat(a.lastAlertAt()).isEqualTo(NOW.minusSeconds(600));
        assertThat(a.lastVersion()).isEqualTo("v1");
    }

    private static List<String> ids(AlertStore store, Map<String, List<String>> query) {
        return store.query(AlertFilter.fromQuery(query, NOW), 100).alerts().stream()
                .map(s -> s.alert().getArticleId()).toList();
    }
}
