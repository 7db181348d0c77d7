package io.newswatch.alerts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import io.newswatch.alerts.match.WatchlistMatch;
import io.newswatch.alerts.match.WatchlistMatcher;
import io.newswatch.schemas.Alert;
import io.newswatch.schemas.AlertKind;
import io.newswatch.schemas.EnrichedArticle;
import io.newswatch.schemas.RawArticle;

/**
 * Matches an article (keyed by story) and emits at most one alert per (watch-list, story) within
 * the watch-list's throttle window; later copies only raise the story's related count. State:
 * {@code watchlistId \0 storyId -> "firstAlertMillis,relatedCount"}, expired entries purged hourly.
 */
final class StoryAlertProcessor implements Processor<String, EnrichedArticle, String, Alert> {

    private static final Duration PURGE_INTERVAL = Duration.ofHours(1);
    /** Entries are kept at least this long, so a short throttle does not forget a story too soon. */
    private static final Duration MAX_KEEP = Duration.ofDays(30);

    private final Supplier<WatchlistMatcher> matcher;
    private final Clock clock;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, String> alerted;

    StoryAlertProcessor(Supplier<WatchlistMatcher> matcher, Clock clock) {
        this.matcher = matcher;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.alerted = context.getStateStore(AlertsTopology.ALERTED_STORE);
        context.schedule(PURGE_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::purge);
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        EnrichedArticle article = record.value();
        WatchlistMatcher current = matcher.get();
        long now = clock.millis();
        for (WatchlistMatch match : current.match(article)) {
            String key = match.watchlist().id() + '\u0000' + article.getStoryId();
            String state = alerted.get(key);
            if (state != null) {
                long first = Long.parseLong(state.substring(0, state.indexOf(',')));
                int related = Integer.parseInt(state.substring(state.indexOf(',') + 1));
                if (now - first < match.watchlist().throttle().toMillis()) {
                    alerted.put(key, first + "," + (related + 1));
                    continue;
                }
            }
            alerted.put(key, now + ",0");
            Alert alert = toAlert(match, article, current.version(), now);
            context.forward(record.withKey(match.watchlist().id()).withValue(alert));
        }
    }

    static Alert toAlert(WatchlistMatch match, EnrichedArticle enriched, String version, long now) {
        RawArticle article = enriched.getArticle();
        return Alert.newBuilder()
                .setId(alertId(match.watchlist().id(), enriched.getStoryId(), article.getId()))
                .setWatchlistId(match.watchlist().id())
                .setWatchlistName(match.watchlist().name())
                .setWatchlistVersion(version)
                .setSeverity(match.watchlist().severity())
                .setKind(AlertKind.NEW)
                .setScore(match.score())
                .setArticleId(article.getId())
                .setStoryId(enriched.getStoryId())
                .setTitle(article.getTitle())
                .setUrl(article.getCanonicalUrl() != null ? article.getCanonicalUrl() : article.getUrl())
                .setSourceName(article.getSource().getName())
                .setLanguage(enriched.getLanguage().getCode())
                .setPublishedAt(article.getPublishedAt())
                .setRelatedCount(0)
                .setEvidence(match.evidence())
                .setAlertedAt(java.time.Instant.ofEpochMilli(now))
                .build();
    }

    static String alertId(String watchlistId, String storyId, String articleId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((watchlistId + '\u0000' + storyId + '\u0000' + articleId)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void purge(long timestamp) {
        long cutoff = clock.millis() - MAX_KEEP.toMillis();
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, String> it = alerted.all()) {
            while (it.hasNext()) {
                KeyValue<String, String> kv = it.next();
                if (Long.parseLong(kv.value.substring(0, kv.value.indexOf(','))) < cutoff) {
                    expired.add(kv.key);
                }
            }
        }
        expired.forEach(alerted::delete);
    }
}
