package io.newswatch.dashboard.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.newswatch.schemas.Alert;

/**
 * The dashboard's view of the alert topic: the last {@code capacity} alerts, in memory, each kept
 * once (alert ids are deterministic, so a record read again after a restart is recognised), plus a
 * per-watch-list count of alerts per hour for the charts, which outlives eviction (30 days).
 * Listeners hear of each new alert after it is stored, outside the lock.
 */
public final class AlertStore {

    /** Charts count alerts per hour; counts older than this are dropped. */
    static final Duration TIMELINE_KEPT = Duration.ofDays(30);
    private static final long HOUR_MS = Duration.ofHours(1).toMillis();
    private static final Comparator<StoredAlert> NEWEST_FIRST = Comparator
            .comparing((StoredAlert s) -> s.alert().getAlertedAt(), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(StoredAlert::seq, Comparator.reverseOrder());

    private final int capacity;
    private final LinkedHashMap<String, StoredAlert> byId = new LinkedHashMap<>();
    private final Map<String, Activity> activity = new HashMap<>();
    private final List<Consumer<StoredAlert>> listeners = new CopyOnWriteArrayList<>();
    private long seq;

    public AlertStore(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    public int capacity() {
        return capacity;
    }

    /** Calls {@code listener} with every alert stored from now on (from the thread that stored it). */
    public void onAdded(Consumer<StoredAlert> listener) {
        listeners.add(listener);
    }

    /** Stores an alert; empty when an alert with its id is already kept. */
    public Optional<StoredAlert> add(Alert alert, int partition, long offset) {
        StoredAlert stored;
        synchronized (this) {
            if (byId.containsKey(alert.getId())) {
                return Optional.empty();
            }
            stored = new StoredAlert(++seq, alert, partition, offset);
            byId.put(alert.getId(), stored);
            if (byId.size() > capacity) {
                Iterator<StoredAlert> eldest = byId.values().iterator();
                eldest.next();
                eldest.remove();
            }
            activity.computeIfAbsent(alert.getWatchlistId(), id -> new Activity()).count(alert);
        }
        for (Consumer<StoredAlert> l : listeners) {
            l.accept(stored);
        }
        return Optional.of(stored);
    }

    public synchronized int size() {
        return byId.size();
    }

    /** The sequence number of the newest stored alert (0 before the first). */
    public synchronized long lastSeq() {
        return seq;
    }

    /** The result of a query: at most {@code limit} alerts, newest first, and how many matched in all. */
    public record Page(List<StoredAlert> alerts, int matched, long lastSeq) {
    }

    public synchronized Page query(AlertFilter filter, int limit) {
        List<StoredAlert> hits = new ArrayList<>();
        for (StoredAlert s : byId.values()) {
            if (filter.matches(s.alert())) {
                hits.add(s);
            }
        }
        hits.sort(NEWEST_FIRST);
        return new Page(List.copyOf(hits.subList(0, Math.min(limit, hits.size()))), hits.size(), seq);
    }

    /** Alerts stored after sequence number {@code after} that match, oldest first (what a reconnecting stream missed). */
    public synchronized List<StoredAlert> after(long after, AlertFilter filter) {
        List<StoredAlert> missed = new ArrayList<>();
        for (StoredAlert s : byId.values()) {
            if (s.seq() > after && filter.matches(s.alert())) {
                missed.add(s);
            }
        }
        return missed;
    }

    /** The values seen in the stored alerts, for the filter menus: source names and topic codes, sorted. */
    public record Facets(List<String> sources, List<String> topics, List<String> watchlists) {
    }

    public synchronized Facets facets() {
        TreeSet<String> sources = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        TreeSet<String> topics = new TreeSet<>();
        TreeSet<String> watchlists = new TreeSet<>();
        for (StoredAlert s : byId.values()) {
            sources.add(s.alert().getSourceName());
            topics.addAll(s.alert().getTopics());
            watchlists.add(s.alert().getWatchlistId());
        }
        return new Facets(List.copyOf(sources), List.copyOf(topics), List.copyOf(watchlists));
    }

    /**
     * What one watch-list did: alerts stored now, alerts seen since start, the last alert's time and
     * the watch-list version it was matched with, and hourly counts.
     */
    public record WatchlistActivity(int stored, long seen, Instant lastAlertAt, String lastVersion,
            Instant timelineFrom, List<Integer> hourlyCounts) {
    }

    /** Activity of every watch-list that alerted, with hourly counts for the {@code hours} up to {@code now}. */
    public synchronized Map<String, WatchlistActivity> activity(Instant now, int hours) {
        Map<String, Integer> stored = new HashMap<>();
        for (StoredAlert s : byId.values()) {
            stored.merge(s.alert().getWatchlistId(), 1, Integer::sum);
        }
        long lastHour = Math.floorDiv(now.toEpochMilli(), HOUR_MS);
        long firstHour = lastHour - hours + 1;
        Map<String, WatchlistActivity> result = new HashMap<>();
        activity.forEach((id, a) -> {
            a.prune(lastHour);
            List<Integer> counts = new ArrayList<>(hours);
            for (long h = firstHour; h <= lastHour; h++) {
                counts.add(a.hourly.getOrDefault(h, 0));
            }
            result.put(id, new WatchlistActivity(stored.getOrDefault(id, 0), a.seen, a.lastAlertAt, a.lastVersion,
                    Instant.ofEpochMilli(firstHour * HOUR_MS), counts));
        });
        return result;
    }

    private static final class Activity {
        final NavigableMap<Long, Integer> hourly = new TreeMap<>();
        long seen;
        Instant lastAlertAt;
        String lastVersion;

        void count(Alert a) {
            seen++;
            Instant at = a.getAlertedAt();
            if (at != null) {
                hourly.merge(Math.floorDiv(at.toEpochMilli(), HOUR_MS), 1, Integer::sum);
                if (lastAlertAt == null || !at.isBefore(lastAlertAt)) {
                    lastAlertAt = at;
                    lastVersion = a.getWatchlistVersion();
                }
                prune(Math.floorDiv(at.toEpochMilli(), HOUR_MS));
            }
        }

        void prune(long currentHour) {
            hourly.headMap(currentHour - TIMELINE_KEPT.toHours(), false).clear();
        }
    }
}
