package io.newswatch.alerts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import io.micrometer.core.instrument.Metrics;
import io.newswatch.alerts.match.WatchlistMatch;
import io.newswatch.alerts.match.WatchlistMatcher;
import io.newswatch.schemas.Alert;
import io.newswatch.schemas.AlertKind;
import io.newswatch.schemas.EnrichedArticle;
import io.newswatch.schemas.RawArticle;

/**
 * Matches an article (keyed by story) and emits at most one alert per (watch-list, story) within
 * the watch-list's throttle window; later copies raise the story's related count, and emit an
 * UPDATE alert carrying it when update alerts are on. State:
 * {@code watchlistId \0 storyId -> "firstAlertMillis,relatedCount"}, expired entries purged hourly.
 * The state lives in a changelogged store written in the same transaction as the alerts, so a
 * restart neither repeats nor loses an alert.
 */
final class StoryAlertProcessor implements Processor<String, EnrichedArticle, String, Alert> {

    private static final Duration PURGE_INTERVAL = Duration.ofHours(1);
    /**
     * Entries are kept at least this long (so that later copies still count as related after a
     * short throttle), and longer when a watch-list's throttle is longer.
     */
    static final Duration MIN_KEEP = Duration.ofDays(30);

    private final Supplier<WatchlistMatcher> matcher;
    private final Clock clock;
    private final AlertsTopology.Options options;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, String> alerted;

    StoryAlertProcessor(Supplier<WatchlistMatcher> matcher, Clock clock, AlertsTopology.Options options) {
        this.matcher = matcher;
        this.clock = clock;
        this.options = options;
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
        List<WatchlistMatch> matches = current.match(article);
        if (!matches.isEmpty()) {
            Metrics.counter("newswatch.articles.matched").increment();
        }
        long now = clock.millis();
        for (WatchlistMatch match : matches) {
            String key = match.watchlist().id() + '\u0000' + article.getStoryId();
            String state = alerted.get(key);
            Alert alert;
            if (state != null && now - first(state) < match.watchlist().throttle().toMillis()) {
                int related = related(state) + 1;
                alerted.put(key, first(state) + "," + related);
                if (!options.updateAlerts() && !match.watchlist().updates()) {
                    continue;
                }
                alert = AlertFactory.toAlert(match, article, current.version(), now, AlertKind.UPDATE, related);
            } else {
                alerted.put(key, now + ",0");
                alert = AlertFactory.toAlert(match, article, current.version(), now, AlertKind.NEW, 0);
            }
            RecordHeaders headers = new RecordHeaders();
            String topic = options.routing().topicFor(match.watchlist());
            if (topic != null) {
                headers.add(AlertsTopology.ROUTE_HEADER, topic.getBytes(StandardCharsets.UTF_8));
            }
            context.forward(new Record<>(match.watchlist().id(), alert, record.timestamp(), headers));
            Metrics.counter("newswatch.alerts.emitted", "watchlist", match.watchlist().id()).increment();
            RawArticle raw = article.getArticle();
            if (raw.getFetchedAt() != null) {
                Metrics.timer("newswatch.pipeline.latency")
                        .record(Duration.ofMillis(Math.max(0, now - raw.getFetchedAt().toEpochMilli())));
            }
        }
    }

    private static long first(String state) {
        return Long.parseLong(state.substring(0, state.indexOf(',')));
    }

    private static int related(String state) {
        return Integer.parseInt(state.substring(state.indexOf(',') + 1));
    }

    private void purge(long timestamp) {
        Duration longest = matcher.get().longestThrottle();
        long cutoff = clock.millis() - (longest.compareTo(MIN_KEEP) > 0 ? longest : MIN_KEEP).toMillis();
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, String> it = alerted.all()) {
            while (it.hasNext()) {
                KeyValue<String, String> kv = it.next();
                if (first(kv.value) < cutoff) {
                    expired.add(kv.key);
                }
            }
        }
        expired.forEach(alerted::delete);
    }
}
