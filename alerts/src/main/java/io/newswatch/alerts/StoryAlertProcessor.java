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
        EventTime event = eventTime(article, record.timestamp());
        newestEventTime = Math.max(newestEventTime, event.millis());
        for (WatchlistMatch match : matches) {
            String key = match.watchlist().id() + '\u0000' + article.getStoryId();
            AlertedState state = AlertedState.parse(alerted.get(key));
            Alert alert;
            if (state.alertedWithin(event, match.watchlist().throttle().toMillis())) {
                state = state.withRelated(state.related() + 1);
                alerted.put(key, state.format());
                if (!options.updateAlerts() && !match.watchlist().updates()) {
                    continue;
                }
                alert = AlertFactory.toAlert(match, article, current.version(), now, AlertKind.UPDATE, state.related());
            } else {
                alerted.put(key, state.withAlertAt(event).format());
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
    static EventTime eventTime(EnrichedArticle article, long recordTimestamp) {
        RawArticle raw = article.getArticle();
        Instant published = raw == null ? null : raw.getPublishedAt();
        Instant fetched = raw == null ? null : raw.getFetchedAt();
        if (published != null && fetched != null) {
            return new EventTime(Math.min(published.toEpochMilli(), fetched.toEpochMilli()), true);
        }
        if (published != null) {
            return new EventTime(published.toEpochMilli(), true);
        }
        return new EventTime(fetched != null ? fetched.toEpochMilli() : recordTimestamp, false);
    }

    /** An article's event time; {@code stated} is false when no publication time was given and a stand-in is used. */
    record EventTime(long millis, boolean stated) {
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
     * how many copies were throttled. Stored as {@code "t1 t2~ ...,related"}, where {@code ~} marks
     * the time of an article that stated no publication time (its fetch time stands in); the older
     * single-time form {@code "t,related"} reads the same way.
     *
     * <p>An article without a publication time cannot be placed against its story's other copies, and
     * the story step has already judged them one event: it is within the throttle of every alert of
     * its story, and an alert it gave is within the throttle of every later copy. Otherwise a copy
     * stamped years ago (a page's stale date) and one stamped "now" would each alert.
     */
    record AlertedState(long[] alertTimes, boolean[] estimated, int related) {

        static final AlertedState NONE = new AlertedState(new long[0], new boolean[0], 0);

        AlertedState(long[] alertTimes, int related) {
            this(alertTimes, new boolean[alertTimes.length], related);
        }

        static AlertedState parse(String value) {
            if (value == null) {
                return NONE;
            }
            int comma = value.indexOf(',');
            String[] times = value.substring(0, comma).trim().split(" ");
            long[] parsed = new long[times.length];
            boolean[] estimated = new boolean[times.length];
            for (int i = 0; i < times.length; i++) {
                estimated[i] = times[i].endsWith("~");
                parsed[i] = Long.parseLong(estimated[i] ? times[i].substring(0, times[i].length() - 1) : times[i]);
            }
            return new AlertedState(parsed, estimated, Integer.parseInt(value.substring(comma + 1)));
        }

        boolean alertedWithin(EventTime event, long throttleMillis) {
            for (int i = 0; i < alertTimes.length; i++) {
                if (!event.stated() || estimated[i] || Math.abs(event.millis() - alertTimes[i]) < throttleMillis) {
                    return true;
                }
            }
            return false;
        }

        AlertedState withAlertAt(EventTime event) {
            int n = alertTimes.length;
            long[] times = java.util.Arrays.copyOf(alertTimes, n + 1);
            boolean[] marks = java.util.Arrays.copyOf(estimated, n + 1);
            times[n] = event.millis();
            marks[n] = !event.stated();
            // keep the times sorted, each with its mark (a handful of entries: insertion is enough)
            for (int i = n; i > 0 && times[i - 1] > times[i]; i--) {
                long t = times[i]; times[i] = times[i - 1]; times[i - 1] = t;
                boolean m = marks[i]; marks[i] = marks[i - 1]; marks[i - 1] = m;
            }
            return new AlertedState(times, marks, related);
        }

        AlertedState withRelated(int count) {
            return new AlertedState(alertTimes, estimated, count);
        }

        /** This state without the alerts older than {@code cutoff}; the same instance when none are. */
        AlertedState withoutAlertsBefore(long cutoff) {
            int kept = 0;
            for (long t : alertTimes) {
                kept += t >= cutoff ? 1 : 0;
            }
            if (kept == alertTimes.length) {
                return this;
            }
            long[] times = new long[kept];
            boolean[] marks = new boolean[kept];
            for (int i = 0, j = 0; i < alertTimes.length; i++) {
                if (alertTimes[i] >= cutoff) {
                    times[j] = alertTimes[i];
                    marks[j++] = estimated[i];
                }
            }
            return new AlertedState(times, marks, related);
        }

        boolean isEmpty() {
            return alertTimes.length == 0;
        }

        String format() {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < alertTimes.length; i++) {
                s.append(s.length() == 0 ? "" : " ").append(alertTimes[i]).append(estimated[i] ? "~" : "");
            }
            return s.append(',').append(related).toString();
        }
    }
}
