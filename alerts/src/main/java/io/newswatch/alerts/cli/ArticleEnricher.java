package io.newswatch.alerts.cli;

import java.util.List;

import io.newswatch.schemas.EnrichedArticle;
import io.newswatch.schemas.RawArticle;
import io.newswatch.watchlist.Watchlist;

/**
 * Enriches an article offline, as the enrichment stage would, for {@code newswatch watchlists test}.
 * The alerts module does not run NLP itself: an implementation is found through
 * {@link java.util.ServiceLoader} as a {@link Factory} listed in
 * {@code META-INF/services/io.newswatch.alerts.cli.ArticleEnricher$Factory}.
 */
public interface ArticleEnricher {

    EnrichedArticle enrich(RawArticle article);

    /** Creates an enricher whose entity dictionary holds the watch-lists under test, as the service's would. */
    interface Factory {
        ArticleEnricher create(List<Watchlist> watchlists);
    }
}
