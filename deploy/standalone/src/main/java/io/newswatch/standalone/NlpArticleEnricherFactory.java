package io.newswatch.standalone;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.newswatch.alerts.cli.ArticleEnricher;
import io.newswatch.enrich.EnricherFactory;
import io.newswatch.enrich.OfflineEnrichment;
import io.newswatch.watchlist.Watchlist;

/**
 * Gives {@code newswatch watchlists test} the enrichment of the enrich service (NLP, the watch-lists'
 * entity dictionary, stories in memory), so that a watch-list is tried on what the service would see.
 */
public final class NlpArticleEnricherFactory implements ArticleEnricher.Factory {

    private static final Duration STORY_WINDOW = Duration.ofHours(72);

    @Override
    public ArticleEnricher create(List<Watchlist> watchlists) {
        Clock clock = Clock.systemUTC();
        OfflineEnrichment enrichment = new OfflineEnrichment(EnricherFactory.standard(watchlists, clock), STORY_WINDOW, clock);
        return enrichment::enrich;
    }
}
