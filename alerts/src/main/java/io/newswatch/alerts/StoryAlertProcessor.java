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
 * {@code watchlistId \0 storyId -> "alertTime alertTime...,relatedCount"}, expired entries purged hourly.
 * The state lives in a changelogged store written in the same transaction as the alerts, so a
 * restart neither repeats nor loses an alert.
 *
 * <p>Windows follow event time, the article's publication time ({@link #eventTime}), not the wall
 * clock: replaying last month's archive gives the alerts it gave live. An article is throttled
 * when an alert of its (watch-list, story) lies within the throttle on either side of it, so an
 * archive read out of order still alerts once per window; retention is counted back from the
 * newest publication time seen, so old articles are not purged the moment they are replayed.
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
    /** The newest publication time seen: "now" in event time, from which retention counts back. */
    private long newestEventTime = Long.MIN_VALUE;

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
        long eventTime = eventTime(article, record.timestamp());
        newestEventTime = Math.max(newestEventTime, eventTime);
        for (WatchlistMatch match : matches) {
            String key = match.watchlist().id() + '\u0000' + article.getStoryId();
            AlertedState state = AlertedState.parse(alerted.get(key));
            Alert alert;
            if (state.alertedWithin(eventTime, match.watchlist().throttle().toMillis())) {
                state = state.withRelated(state.related() + 1);
                alerted.put(key, state.format());
                if (!options.updateAlerts() && !match.watchlist().updates()) {
                    continue;
                }
                alert = AlertFactory.toAlert(match, article, current.version(), now, AlertKind.UPDATE, state.related());
            } else {
                alerted.put(key, state.withAlertAt(eventTime).format());
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

    /**
     * When the article happened: its publication time, or when it was fetched if it has none or
     * claims a later one (a wrong time zone on a page must not put it in the future), or else the
     * record's timestamp.
     */
    static long eventTime(EnrichedArticle article, long recordTimestamp) {
        RawArticle raw = article.getArticle();
        Instant published = raw == null ? null : raw.getPublishedAt();
        Instant fetched = raw == null ? null : raw.getFetchedAt();
        if (published != null && fetched != null) {
            return Math.min(published.toEpochMilli(), fetched.toEpochMilli());
        }
        if (published != null) {
            return published.toEpochMilli();
        }
        return fetched != null ? fetched.toEpochMilli() : recordTimestamp;
    }

    private void purge(long timestamp) {
        if (newestEventTime == Long.MIN_VALUE) {
            return; // nothing processed since start: no notion of "now" in event time yet
        }
        Duration longest = matcher.get().longestThrottle();
        long cutoff = newestEventTime - (longest.compareTo(MIN_KEEP) > 0 ? longest : MIN_KEEP).toMillis();
        List<KeyValue<String, String>> changed = new ArrayList<>();
        try (KeyValueIterator<String, String> it = alerted.all()) {
            while (it.hasNext()) {
                KeyValue<String, String> kv = it.next();
                AlertedState state = AlertedState.parse(kv.value);
                AlertedState kept = state.withoutAlertsBefore(cutoff);
                if (kept != state) {
                    changed.add(KeyValue.pair(kv.key, kept.isEmpty() ? null : kept.format()));
                }
            }
        }
        for (KeyValue<String, String> kv : changed) {
            if (kv.value == null) {
                alerted.delete(kv.key);
            } else {
                alerted.put(kv.key, kv.value);
            }
        }
    }

    /**
     * What is remembered of a (watch-list, story): the event times of the alerts sent for it and
     * how many copies were throttled. Stored as {@code "t1 t2 ...,related"}; the older
     * single-time form {@code "t,related"} reads the same way.
     */
    record AlertedState(long[] alertTimes, int related) {

        static final AlertedState NONE = new AlertedState(new long[0], 0);

        static AlertedState parse(String value) {
            if (value == null) {
                return NONE;
            }
            int comma = value.indexOf(',');
            String[] times = value.substring(0, comma).trim().split(" ");
            long[] parsed = new long[times.length];
            for (int i = 0; i < times.length; i++) {
                parsed[i] = Long.parseLong(times[i]);
            }
            return new AlertedState(parsed, Integer.parseInt(value.substring(comma + 1)));
        }

        boolean alertedWithin(long eventTime, long throttleMillis) {
            for (long t : alertTimes) {
                if (Math.abs(eventTime - t) < throttleMillis) {
                    return true;
                }
            }
            return false;
        }

        AlertedState withAlertAt(long eventTime) {
            long[] times = java.util.Arrays.copyOf(alertTimes, alertTimes.length + 1);
            times[alertTimes.length] = eventTime;
            java.util.Arrays.sort(times);
            return new AlertedState(times, related);
        }

        AlertedState withRelated(int count) {
            return new AlertedState(alertTimes, count);
        }

        /** This state without the alerts older than {@code cutoff}; the same instance when none are. */
        AlertedState withoutAlertsBefore(long cutoff) {
            long[] kept = java.util.Arrays.stream(alertTimes).filter(t -> t >= cutoff).toArray();
            return kept.length == alertTimes.length ? this : new AlertedState(kept, related);
        }

        boolean isEmpty() {
            return alertTimes.length == 0;
        }

        String format() {
            StringBuilder s = new StringBuilder();
            for (long t : alertTimes) {
                s.append(s.length() == 0 ? "" : " ").append(t);
            }
            return s.append(',').append(related).toString();
        }
    }
}
