package io.newswatch.core.topics;

import java.util.List;
import java.util.Objects;

/**
 * The names of the pipeline's topics. Defaults are documented in the README; every name can be
 * overridden so that several pipelines can share one cluster.
 */
public record Topics(String raw, String enriched, String alerts, String deadLetter) {

    public static final String DEFAULT_RAW = "news.articles.raw";
    public static final String DEFAULT_ENRICHED = "news.articles.enriched";
    public static final String DEFAULT_ALERTS = "news.alerts";
    public static final String DEFAULT_DEAD_LETTER = "news.dlq";

    public Topics {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(enriched, "enriched");
        Objects.requireNonNull(alerts, "alerts");
        Objects.requireNonNull(deadLetter, "deadLetter");
    }

    public static Topics defaults() {
        return new Topics(DEFAULT_RAW, DEFAULT_ENRICHED, DEFAULT_ALERTS, DEFAULT_DEAD_LETTER);
    }

    public List<String> all() {
        return List.of(raw, enriched, alerts, deadLetter);
    }
}
