package io.newswatch.standalone.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.newswatch.alerts.match.WatchlistMatch;
import io.newswatch.alerts.match.WatchlistMatcher;
import io.newswatch.schemas.Alert;
import io.newswatch.schemas.AlertKind;
import io.newswatch.schemas.EnrichedArticle;

/**
 * What one run of the pipeline benchmark saw: when each article was due to be published, the
 * enriched articles and the alerts as a subscriber read them, and the alerts the matcher alone
 * says the enriched articles must give (one NEW alert per watch-list and story: every run's
 * articles fall within one default 24 h throttle window).
 */
final class RunRecord {

    /** One sample of the per-second series. */
    record Sample(double seconds, long published, long languageDone, long enrichedRead, long matched, long alertsRead,
            long heapUsed, long rss, long cpuNanos) {
    }

    /** One alert's latency: when it became readable (seconds into the run) and how long after its article was due. */
    record Latency(double atSeconds, double millis) {
    }

    final long startNanos;
    final Map<String, Long> dueNanos = new ConcurrentHashMap<>();
    final AtomicLong published = new AtomicLong();
    final AtomicLong publishFailures = new AtomicLong();
    private final Set<String> enrichedIds = ConcurrentHashMap.newKeySet();
    private final AtomicLong enrichedDuplicates = new AtomicLong();
    private final Set<String> expected = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> observed = new ConcurrentHashMap<>();
    private final AtomicLong alertsRead = new AtomicLong();
    private final List<Latency> latencies = new ArrayList<>();
    private final List<Sample> samples = new ArrayList<>();
    private volatile long lastEnrichedNanos;
    private volatile long lastAlertNanos;
    private final WatchlistMatcher matcher;

    RunRecord(WatchlistMatcher matcher, long startNanos) {
        this.matcher = matcher;
        this.startNanos = startNanos;
    }

    /** An enriched article became readable: remember it and what the matcher alone says it must alert. */
    void enriched(EnrichedArticle article, long receivedNanos) {
        lastEnrichedNanos = receivedNanos;
        if (!enrichedIds.add(article.getArticle().getId())) {
            enrichedDuplicates.incrementAndGet();
            return;
        }
        for (WatchlistMatch m : matcher.match(article)) {
            expected.add(m.watchlist().id() + '\u0000' + article.getStoryId());
        }
    }

    void alert(Alert alert, long receivedNanos) {
        lastAlertNanos = receivedNanos;
        alertsRead.incrementAndGet();
        if (alert.getKind() != AlertKind.NEW) {
            return;
        }
        observed.merge(alert.getWatchlistId() + '\u0000' + alert.getStoryId(), 1, Integer::sum);
        Long due = dueNanos.get(alert.getArticleId());
        if (due != null) {
            synchronized (latencies) {
                latencies.add(new Latency((receivedNanos - startNanos) / 1e9, (receivedNanos - due) / 1e6));
            }
        }
    }

    long enrichedRead() {
        return enrichedIds.size() + enrichedDuplicates.get();
    }

    long alertsRead() {
        return alertsRead.get();
    }

    long enrichedDuplicates() {
        return enrichedDuplicates.get();
    }

    /** Published articles that never came out of enrich. */
    long enrichedMissing() {
        return dueNanos.keySet().stream().filter(id -> !enrichedIds.contains(id)).count();
    }

    /** Expected (watch-list, story) alerts that did not arrive. */
    long lost() {
        return expected.stream().filter(k -> !observed.containsKey(k)).count();
    }

    /** Alerts beyond the first of their (watch-list, story). */
    long duplicated() {
        return observed.values().stream().mapToLong(n -> n - 1).sum();
    }

    /** Alerts the matcher alone does not give. */
    long unexpected() {
        return observed.keySet().stream().filter(k -> !expected.contains(k)).count();
    }

    /** NEW alerts read, warm-up included. */
    long observedAlerts() {
        return observed.values().stream().mapToLong(Integer::longValue).sum();
    }

    long expectedAlerts() {
        return expected.size();
    }

    long lastEnrichedNanos() {
        return lastEnrichedNanos;
    }

    long lastAlertNanos() {
        return lastAlertNanos;
    }

    void sample(Sample s) {
        synchronized (samples) {
            samples.add(s);
        }
    }

    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    List<Latency> latencies() {
        synchronized (latencies) {
            return List.copyOf(latencies);
        }
    }

    /** The sorted latencies in milliseconds. */
    double[] sortedMillis() {
        double[] ms = latencies().stream().mapToDouble(Latency::millis).toArray();
        Arrays.sort(ms);
        return ms;
    }

    /** The {@code p}-th percentile (nearest rank) of sorted values; 0 when there are none. */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
    }
}
