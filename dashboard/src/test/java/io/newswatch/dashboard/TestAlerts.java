package io.newswatch.dashboard;

import java.time.Instant;
import java.util.List;

import io.newswatch.alerts.AlertFactory;
import io.newswatch.schemas.Alert;
import io.newswatch.schemas.AlertKind;
import io.newswatch.schemas.Evidence;
import io.newswatch.schemas.Field;
import io.newswatch.schemas.Severity;

/** Alerts as the alerts service writes them, for the dashboard's tests. */
public final class TestAlerts {

    private TestAlerts() {
    }

    /** An alert whose evidence is {@code word} found in {@code sentence}. */
    public static Alert alert(String watchlistId, Severity severity, String storyId, String articleId, String title,
            String source, List<String> topics, String sentence, String word, Instant at) {
        int start = sentence.indexOf(word);
        Evidence evidence = Evidence.newBuilder().setClause("match.any[0]").setType("term").setValue(word)
                .setMatched(word).setField(Field.TEXT).setStart(100 + start).setEnd(100 + start + word.length())
                .setSnippet(sentence).build();
        return Alert.newBuilder()
                .setId(AlertFactory.alertId(watchlistId, storyId, articleId))
                .setWatchlistId(watchlistId)
                .setWatchlistName("Watch-list " + watchlistId)
                .setWatchlistVersion("v1")
                .setSeverity(severity)
                .setKind(AlertKind.NEW)
                .setScore(1.0)
                .setArticleId(articleId)
                .setStoryId(storyId)
                .setTitle(title)
                .setUrl("https://news.example.org/" + articleId)
                .setSourceName(source)
                .setLanguage("eng")
                .setPublishedAt(at)
                .setRelatedCount(0)
                .setTopics(topics)
                .setEvidence(List.of(evidence))
                .setAlertedAt(at)
                .build();
    }
}
