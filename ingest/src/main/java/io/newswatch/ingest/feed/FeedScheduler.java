package io.newswatch.ingest.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;

/**
 * Polls every enabled feed on its own schedule: its interval plus up to 10% random jitter (so that
 * feeds do not fire together), and after failures an exponentially growing delay (interval x 2^n,
 * at most 6 hours). The last error of each feed is logged and kept in {@link #statuses()}; the
 * gauge {@code newswatch.feed.failures} (tag feed = the feed's URL, unique where names and hosts are not) counts its consecutive failures.
 */
public final class FeedScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FeedScheduler.class);
    private static final Duration MAX_BACKOFF = Duration.ofHours(6);
    private static final Duration MAX_FIRST_DELAY = Duration.ofSeconds(10);

    /** How a feed is doing. */
    public record FeedStatus(Instant lastPoll, Instant lastSuccess, int consecutiveFailures, String lastError) {
    }

    private final List<FeedSource> sources;
    private final FeedPoller poller;
    private final ScheduledExecutorService timer;
    private final ExecutorService workers;
    private final Map<String, FeedStatus> statuses = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private volatile boolean stopped;

    public FeedScheduler(List<FeedSource> sources, FeedPoller poller, int threads) {
        this.sources = sources.stream().filter(FeedSource::enabled).toList();
        this.poller = poller;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "feed-timer"));
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(threads, r -> daemon(r, "feed-poller-" + n.incrementAndGet()));
        for (FeedSource s : this.sources) {
            AtomicInteger f = failures.computeIfAbsent(s.url().toString(), k -> new AtomicInteger());
            Gauge.builder("newswatch.feed.failures", f, AtomicInteger::get).tag("feed", s.url().toString())
                    .description("Consecutive failed polls of the feed").register(Metrics.globalRegistry);
        }
    }

    /** Starts polling: each feed first within ten seconds (or its interval), spread at random. */
    public FeedScheduler start() {
        for (FeedSource s : sources) {
            long first = ThreadLocalRandom.current().nextLong(Math.min(s.pollInterval().toMillis(), MAX_FIRST_DELAY.toMillis()) + 1);
            schedule(s, first);
        }
        log.info("Polling {} feeds", sources.size());
        return this;
    }

    /** Polls every enabled feed once, in parallel, and waits: one "round" (used by the once mode and the benchmark). */
    public List<PollResult> pollAllOnce() throws InterruptedException {
        List<Future<PollResult>> futures = new ArrayList<>();
        for (FeedSource s : sources) {
            futures.add(workers.submit(() -> pollAndRecord(s)));
        }
        List<PollResult> results = new ArrayList<>();
        for (Future<PollResult> f : futures) {
            try {
                results.add(f.get());
            } catch (java.util.concurrent.ExecutionException e) {
                results.add(PollResult.failed("internal: " + e.getCause()));
            }
        }
        return results;
    }

    public Map<String, FeedStatus> statuses() {
        return Map.copyOf(statuses);
    }

    private void schedule(FeedSource s, long delayMillis) {
        if (stopped) {
            return;
        }
        timer.schedule(() -> workers.submit(() -> {
            PollResult r = pollAndRecord(s);
            schedule(s, nextDelay(s, r, failures.get(s.url().toString()).get()).toMillis());
        }), delayMillis, TimeUnit.MILLISECONDS);
    }

    private PollResult pollAndRecord(FeedSource s) {
        Instant now = Instant.now();
        String key = s.url().toString();
        FeedStatus before = statuses.getOrDefault(key, new FeedStatus(null, null, 0, null));
        PollResult r;
        try {
            r = poller.poll(s);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PollResult.failed("interrupted");
        } catch (RuntimeException e) {
            // One broken feed must never stop the others.
            log.error("Feed {}: unexpected error while polling", s.label(), e);
            Metrics.counter("newswatch.errors", "component", "feed", "reason", "internal").increment();
            r = PollResult.failed("internal: " + e);
        }
        AtomicInteger f = failures.computeIfAbsent(key, k -> new AtomicInteger());
        if (r.status() == PollResult.Status.FAILED) {
            f.incrementAndGet();
            statuses.put(key, new FeedStatus(now, before.lastSuccess(), f.get(), r.error()));
        } else {
            f.set(0);
            statuses.put(key, new FeedStatus(now, now, 0, before.lastError()));
        }
        return r;
    }

    /** The interval plus jitter; after {@code failures} failures in a row, interval x 2^failures, capped. */
    static Duration nextDelay(FeedSource s, PollResult r, int failures) {
        long interval = s.pollInterval().toMillis();
        long jitter = ThreadLocalRandom.current().nextLong(interval / 10 + 1);
        if (r.status() != PollResult.Status.FAILED) {
            return Duration.ofMillis(interval + jitter);
        }
        long backoff = interval << Math.min(failures, 20);
        return Duration.ofMillis(Math.min(Math.max(interval, MAX_BACKOFF.toMillis()), backoff) + jitter);
    }

    @Override
    public void close() {
        stopped = true;
        timer.shutdownNow();
        workers.shutdownNow();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
