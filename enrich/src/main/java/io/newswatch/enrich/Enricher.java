package io.newswatch.enrich;

import io.newswatch.schemas.EnrichedArticle;
import io.newswatch.schemas.RawArticle;

/**
 * Turns a raw article into an enriched one. Implementations are shared by all stream threads and
 * must be thread-safe.
 */
@FunctionalInterface
public interface Enricher {

    EnrichedArticle enrich(RawArticle article);
}
