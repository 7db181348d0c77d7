package io.newswatch.alerts.cli;

import io.newswatch.schemas.RawArticle;
import io.newswatch.schemas.EnrichedArticle;

/**
 * Enriches an article offline, as the enrichment stage would, for {@code newswatch watchlists test}.
 * Provided through {@link java.util.ServiceLoader}: an implementation is listed in
 * {@code META-INF/services/io.newswatch.alerts.cli.ArticleEnricher}.
 */
public interface ArticleEnricher {

    EnrichedArticle enrich(RawArticle article);
}
