package io.newswatch.ingest;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Metrics;
import io.newswatch.ingest.dedup.SeenArticles;
import io.newswatch.schemas.RawArticle;

/**
 * The one way into Kafka for every source: drops exact duplicates (same id or same content hash,
 * published before or in flight), publishes, remembers an article only once Kafka acknowledged it,
 * and retries for as long as Kafka is unavailable. At most {@code maxInFlight} articles wait for an
 * acknowledgement; beyond that {@link #submit} blocks, which slows the sources down instead of
 * filling the heap.
 */
public final class ArticleIntake implements AutoCloseable {

    /** What became of a submitted article. */
    public enum Outcome { PUBLISHED, DUPLICATE }

    public static final int DEFAULT_MAX_IN_FLIGHT = 2_000;
    private static final Logger log = LoggerFactory.getLogger(ArticleIntake.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);

    private final ArticlePublisher publisher;
    private final SeenArticles seen;
    private final Semaphore permits;
    private final Map<String, CompletableFuture<Outcome>> inFlight = new HashMap<>();
    private final ScheduledExecutorService retries = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "ingest-publish-retry");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;
    private volatile boolean kafkaUnavailable;

    public ArticleIntake(ArticlePublisher publisher, SeenArticles seen) {
        this(publisher, seen, DEFAULT_MAX_IN_FLIGHT);
    }

    public ArticleIntake(ArticlePublisher publisher, SeenArticles seen, int maxInFlight) {
        this.publisher = publisher;
        this.seen = seen;
        this.permits = new Semaphore(maxInFlight);
    }

    /** Whether the article (by id or content) was published before. */
    public boolean isKnown(RawArticle article) {
        return seen.contains(article.getId()) || seen.contains(article.getContentHash());
    }

    /** Whether {@code key} (an article id or an alias recorded with {@link #rememberAlias}) is known. */
    public boolean isKnownKey(String key) {
        return seen.contains(key);
    }

    /**
     * Records another id under which a published article is known, e.g. the id of the feed link that
     * led to a page with a different canonical URL, so that the page is not fetched again for that link.
     */
    public void rememberAlias(String key) {
        seen.add(key);
    }

    /**
     * Publishes {@code article} unless it is a duplicate. Blocks while too many articles wait for
     * Kafka. The future completes once the article is acknowledged (it is retried until then) or
     * fails if it can never be published (e.g. too large) or the intake is closed.
     */
    public CompletableFuture<Outcome> submit(RawArticle article) throws InterruptedException {
        if (isKnown(article)) {
            return duplicate();
        }
        CompletableFuture<Outcome> done = new CompletableFuture<>();
        synchronized (inFlight) {
            CompletableFuture<Outcome> same = inFlight.get(article.getId());
            if (same == null) {
                same = inFlight.get(article.getContentHash());
            }
            if (same != null) {
                return same.thenApply(o -> countDuplicate());
            }
            inFlight.put(article.getId(), done);
            inFlight.put(article.getContentHash(), done);
        }
        permits.acquire();
        if (kafkaUnavailable) {
            // Sending now would block this source for max.block.ms; queue it with the retries instead.
            try {
                retries.schedule(() -> send(article, done, 1), FIRST_RETRY.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                finish(article, done, null, new IllegalStateException("ingest is shutting down; article not published"));
            }
        } else {
            send(article, done, 0);
        }
        return done;
    }

    private void send(RawArticle article, CompletableFuture<Outcome> done, int attempt) {
        if (closed) {
            finish(article, done, null, new IllegalStateException("ingest is shutting down; article not published"));
            return;
        }
        publisher.publish(article).whenComplete((metadata, error) -> {
            if (error == null) {
                kafkaUnavailable = false;
                seen.add(article.getId(), article.getContentHash());
                Metrics.counter("newswatch.articles.published").increment();
                if (attempt > 0) {
                    log.info("Published {} after {} retries", article.getId(), attempt);
                }
                finish(article, done, Outcome.PUBLISHED, null);
                return;
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof SerializationException || cause instanceof RecordTooLargeException) {
                Metrics.counter("newswatch.errors", "component", "ingest", "reason", "unpublishable").increment();
                log.error("Article {} can never be published: {}", article.getId(), cause.toString());
                finish(article, done, null, cause);
                return;
            }
            kafkaUnavailable = true;
            Metrics.counter("newswatch.errors", "component", "ingest", "reason", "kafka-unavailable").increment();
            long delay = Math.min(LAST_RETRY.toMillis(), FIRST_RETRY.toMillis() << Math.min(attempt, 10));
            if (attempt == 0 || attempt % 10 == 0) {
                log.warn("Kafka did not acknowledge article {} ({}); retrying in {} ms (attempt {})", article.getId(),
                        cause.toString(), delay, attempt + 1);
            }
            try {
                retries.schedule(() -> send(article, done, attempt + 1), delay, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                finish(article, done, null, new IllegalStateException("ingest is shutting down; article not published"));
            }
        });
    }

    private void finish(RawArticle article, CompletableFuture<Outcome> done, Outcome outcome, Throwable error) {
        synchronized (inFlight) {
            inFlight.remove(article.getId());
            inFlight.remove(article.getContentHash());
        }
        permits.release();
        if (error == null) {
            done.complete(outcome);
        } else {
            done.completeExceptionally(error);
        }
    }

    private static CompletableFuture<Outcome> duplicate() {
        return CompletableFuture.completedFuture(countDuplicate());
    }

    private static Outcome countDuplicate() {
        Metrics.counter("newswatch.articles.duplicates").increment();
        return Outcome.DUPLICATE;
    }

    /** Stops retrying; articles not yet acknowledged fail (and, not being remembered, are taken again next time). */
    @Override
    public void close() {
        closed = true;
        retries.shutdownNow();
        List<CompletableFuture<Outcome>> waiting;
        synchronized (inFlight) {
            waiting = List.copyOf(new java.util.LinkedHashSet<>(inFlight.values()));
        }
        // Sends still in the producer complete on their own; those waiting for a retry would wait forever.
        IllegalStateException stopped = new IllegalStateException("ingest is shutting down; article not published");
        waiting.forEach(f -> f.completeExceptionally(stopped));
    }
}
