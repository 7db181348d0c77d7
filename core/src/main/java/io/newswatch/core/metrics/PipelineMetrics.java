package io.newswatch.core.metrics;

/**
 * Names of the pipeline's own meters, shared by the services and the dashboards. Prometheus shows
 * them with underscores and a {@code _total} / {@code _seconds} suffix, e.g.
 * {@code newswatch_articles_fetched_total}.
 */
public final class PipelineMetrics {

    /** Counter, tag {@code source}. */
    public static final String ARTICLES_FETCHED = "newswatch.articles.fetched";
    public static final String ARTICLES_PUBLISHED = "newswatch.articles.published";
    public static final String ARTICLES_DUPLICATES = "newswatch.articles.duplicates";
    public static final String ARTICLES_ENRICHED = "newswatch.articles.enriched";
    public static final String ARTICLES_MATCHED = "newswatch.articles.matched";
    /** Counter, tag {@code watchlist}. */
    public static final String ALERTS_EMITTED = "newswatch.alerts.emitted";
    /** Counter, tag {@code service}. */
    public static final String RECORDS_DEAD_LETTERED = "newswatch.records.dead.lettered";
    /** Counter, tags {@code component} and {@code reason}. */
    public static final String ERRORS = "newswatch.errors";
    /** Timer from an article's fetch to the alert it caused. */
    public static final String PIPELINE_LATENCY = "newswatch.pipeline.latency";

    private PipelineMetrics() {
    }
}
