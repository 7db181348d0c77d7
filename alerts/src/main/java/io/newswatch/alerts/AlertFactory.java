package io.newswatch.alerts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import io.newswatch.alerts.match.WatchlistMatch;
import io.newswatch.schemas.Alert;
import io.newswatch.schemas.AlertKind;
import io.newswatch.schemas.EnrichedArticle;
import io.newswatch.schemas.RawArticle;

/** Builds the alert for a match. The id is deterministic: the same (watch-list, story, article) always gives the same id. */
public final class AlertFactory {

    private AlertFactory() {
    }

    public static Alert toAlert(WatchlistMatch match, EnrichedArticle enriched, String version, long now, AlertKind kind,
            int related) {
        RawArticle article = enriched.getArticle();
        return Alert.newBuilder()
                .setId(alertId(match.watchlist().id(), enriched.getStoryId(), article.getId()))
                .setWatchlistId(match.watchlist().id())
                .setWatchlistName(match.watchlist().name() == null ? match.watchlist().id() : match.watchlist().name())
                .setWatchlistVersion(version)
                .setSeverity(match.watchlist().severity())
                .setKind(kind)
                .setScore(match.score())
                .setArticleId(article.getId())
                .setStoryId(enriched.getStoryId())
                .setTitle(article.getTitle())
                .setUrl(article.getCanonicalUrl() != null ? article.getCanonicalUrl() : article.getUrl())
                .setSourceName(article.getSource().getName())
                .setLanguage(enriched.getLanguage().getCode())
                .setPublishedAt(article.getPublishedAt())
                .setRelatedCount(related)
                .setTopics(enriched.getTopics().stream().map(t -> t.getCode()).toList())
                .setEvidence(match.evidence())
                .setAlertedAt(Instant.ofEpochMilli(now))
                .build();
    }

    public static String alertId(String watchlistId, String storyId, String articleId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((watchlistId + '\u0000' + storyId + '\u0000' + articleId)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
