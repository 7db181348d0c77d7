package io.newswatch.alerts.reload;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import io.newswatch.alerts.match.ArticleFields;
import io.newswatch.alerts.match.CompiledWatchlists;
import io.newswatch.alerts.match.IndexedWatchlistMatcher;
import io.newswatch.alerts.match.WatchlistCompiler;
import io.newswatch.alerts.match.WatchlistMatcher;
import io.newswatch.core.health.Health;
import io.newswatch.core.health.HealthIndicator;
import io.newswatch.watchlist.InvalidWatchlistException;
import io.newswatch.watchlist.WatchlistFiles;
import io.newswatch.watchlist.WatchlistProblem;
import io.newswatch.watchlist.WatchlistSet;

/**
 * Keeps the active watch-lists in step with a file or directory, without a restart. Changes are
 * noticed through file-system events (including Kubernetes' swap of a ConfigMap's {@code ..data}
 * link, which happens in the watched directory) and, as a safety net, by comparing the content
 * hash every poll interval. A new version is validated and compiled before it replaces the active
 * one; an invalid file is reported with file, line and column and the last good set stays active.
 */
public final class WatchlistReloader implements Supplier<WatchlistMatcher>, AutoCloseable, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(WatchlistReloader.class);
    /** Matches still running on a replaced index get this long before it is closed. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(30);
    private static final Duration DEBOUNCE = Duration.ofMillis(200);

    private final Path path;
    private final Clock clock;
    private final Consumer<CompiledWatchlists> beforeApply;
    private final WatchlistCompiler compiler = new WatchlistCompiler(ArticleFields.analyzer());
    private final AtomicReference<IndexedWatchlistMatcher> active = new AtomicReference<>();
    private final AtomicReference<WatchlistSet> activeSet = new AtomicReference<>();
    private final ScheduledExecutorService closer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "watchlist-index-closer");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger skipped = Metrics.gauge("newswatch.watchlists.skipped", new AtomicInteger());
    private volatile String rejectedVersion;
    private volatile Rejection rejection;
    private volatile List<WatchlistProblem> skippedProblems = List.of();
    private volatile boolean closed;
    private Thread watcher;
    private WatchService watchService;
    private Gauge versionGauge;

    private WatchlistReloader(Path path, Clock clock, Consumer<CompiledWatchlists> beforeApply) {
        this.path = path;
        this.clock = clock;
        this.beforeApply = beforeApply;
        Gauge.builder("newswatch.watchlists.active", this, r -> r.get().size())
                .description("Watch-lists in the active set").register(Metrics.globalRegistry);
        Gauge.builder("newswatch.watchlists.loaded.timestamp", activeSet,
                s -> s.get() == null ? 0 : s.get().loadedAt().toEpochMilli() / 1000.0)
                .description("When the active watch-list set was loaded (epoch seconds)").baseUnit("seconds")
                .register(Metrics.globalRegistry);
    }

    /**
     * Loads {@code path} (a file or directory; null = the bundled examples) and, when
     * {@code pollInterval} is not null, keeps watching it. Fails if the first load is invalid.
     * {@code beforeApply} runs for every new set before it becomes active (e.g. to create its topics).
     */
    public static WatchlistReloader start(Path path, Clock clock, Duration pollInterval,
            Consumer<CompiledWatchlists> beforeApply) throws InvalidWatchlistException {
        WatchlistReloader r = new WatchlistReloader(path, clock, beforeApply);
        WatchlistSet first = path == null ? WatchlistFiles.defaultSet(clock) : WatchlistFiles.loadSet(path, clock);
        r.apply(first);
        if (path != null && pollInterval != null) {
            r.watch(pollInterval);
        }
        return r;
    }

    /** A newer version of the files that was refused, with every problem found; the previous version stays active. */
    public record Rejection(String version, Instant at, List<WatchlistProblem> problems) {
    }

    @Override
    public String healthName() {
        return "watchlists";
    }

    /** Ready once a set is active; a rejected newer file does not make the service unready (the last good set serves). */
    @Override
    public Health health() {
        WatchlistSet set = activeSet.get();
        WatchlistMatcher matcher = active.get();
        if (set == null || matcher == null) {
            return Health.notReady("no watch-lists loaded yet");
        }
        String detail = matcher.size() + " watch-lists, version " + set.version() + ", loaded at " + set.loadedAt();
        Rejection rejected = rejection;
        return Health.ready(rejected == null ? detail
                : detail + "; version " + rejected.version() + " was rejected: "
                        + (rejected.problems().isEmpty() ? "see the log" : rejected.problems().get(0)));
    }

    @Override
    public WatchlistMatcher get() {
        return active.get();
    }

    public WatchlistSet activeSet() {
        return activeSet.get();
    }

    /** The last refused version of the files, or null when the files on disk are the active version. */
    public Rejection rejection() {
        return rejection;
    }

    /** Watch-lists of the active version that were skipped (they parse but cannot be compiled), with where and why. */
    public List<WatchlistProblem> skippedProblems() {
        return skippedProblems;
    }

    /**
     * Reloads if the files changed since the active version. Returns true when a new version became
     * active; false when nothing changed or the new files were rejected.
     */
    public synchronized boolean reloadIfChanged() {
        if (path == null) {
            return false;
        }
        String version = WatchlistFiles.versionOf(path);
        if (Objects.equals(version, activeSet.get().version()) || (version != null && version.equals(rejectedVersion))) {
            return false;
        }
        try {
            apply(WatchlistFiles.loadSet(path, clock));
            rejectedVersion = null;
            rejection = null;
            Metrics.counter("newswatch.watchlists.reloads", "result", "applied").increment();
            return true;
        } catch (InvalidWatchlistException e) {
            rejectedVersion = version;
            rejection = new Rejection(version, clock.instant(), e.problems());
            Metrics.counter("newswatch.watchlists.reloads", "result", "rejected").increment();
            log.error("Watch-lists in {} rejected, keeping version {} active:\n{}", path, activeSet.get().version(),
                    e.getMessage());
            return false;
        } catch (RuntimeException e) {
            rejectedVersion = version;
            rejection = new Rejection(version, clock.instant(),
                    List.of(new WatchlistProblem(path.toString(), 1, 1, "could not be applied: " + e)));
            Metrics.counter("newswatch.watchlists.reloads", "result", "rejected").increment();
            log.error("Watch-lists in {} could not be applied, keeping version {} active", path, activeSet.get().version(), e);
            return false;
        }
    }

    private synchronized void apply(WatchlistSet set) {
        long start = System.nanoTime();
        CompiledWatchlists compiled = compiler.compileAll(set);
        for (WatchlistProblem p : compiled.problems()) {
            log.error("{}", p);
        }
        beforeApply.accept(compiled);
        IndexedWatchlistMatcher matcher = new IndexedWatchlistMatcher(compiled);
        IndexedWatchlistMatcher previous = active.getAndSet(matcher);
        WatchlistSet previousSet = activeSet.getAndSet(set);
        long millis = (System.nanoTime() - start) / 1_000_000;
        log.info("Watch-lists version {} active: {} watch-lists ({} skipped) from {}, loaded at {}, compiled and indexed in {} ms",
                set.version(), matcher.size(), compiled.problems().size(), set.source(), set.loadedAt(), millis);
        skipped.set(compiled.problems().size());
        skippedProblems = List.copyOf(compiled.problems());
        if (versionGauge != null) {
            Metrics.globalRegistry.remove(versionGauge);
        }
        versionGauge = Gauge.builder("newswatch.watchlists.version.info", () -> 1)
                .description("The active watch-list version (tag version), 1")
                .tag("version", set.version()).register(Metrics.globalRegistry);
        if (previous != null) {
            log.info("Watch-lists version {} replaced by {}", previousSet.version(), set.version());
            closer.schedule(previous::close, CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void watch(Duration pollInterval) {
        try {
            watchService = FileSystems.getDefault().newWatchService();
            Path dir = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
            dir.register(watchService, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
        } catch (IOException e) {
            log.warn("Cannot watch {} for changes ({}); checking every {} instead", path, e.toString(), pollInterval);
        }
        watcher = new Thread(() -> loop(pollInterval), "watchlist-reloader");
        watcher.setDaemon(true);
        watcher.start();
        log.info("Watching {} for watch-list changes", path);
    }

    private void loop(Duration pollInterval) {
        while (!closed) {
            try {
                if (watchService != null) {
                    WatchKey key = watchService.poll(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    if (key != null) {
                        // Editors and kubelet write in several steps: let them finish.
                        Thread.sleep(DEBOUNCE.toMillis());
                        drain(key);
                    }
                } else {
                    Thread.sleep(pollInterval.toMillis());
                }
                reloadIfChanged();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            } catch (RuntimeException e) {
                log.error("Watch-list reload failed", e);
            }
        }
    }

    private void drain(WatchKey first) {
        WatchKey key = first;
        while (key != null) {
            key.pollEvents();
            key.reset();
            key = watchService.poll();
        }
    }

    @Override
    public void close() {
        closed = true;
        if (watcher != null) {
            watcher.interrupt();
        }
        try {
            if (watchService != null) {
                watchService.close();
            }
        } catch (IOException e) {
            log.debug("Closing the watch service", e);
        }
        closer.shutdownNow();
        IndexedWatchlistMatcher m = active.get();
        if (m != null) {
            m.close();
        }
        if (versionGauge != null) {
            Metrics.globalRegistry.remove(versionGauge);
        }
    }

    /** For logging. */
    @Override
    public String toString() {
        WatchlistSet set = activeSet.get();
        return "watch-lists " + (set == null ? "(none)" : set.version() + " from " + set.source());
    }
}
