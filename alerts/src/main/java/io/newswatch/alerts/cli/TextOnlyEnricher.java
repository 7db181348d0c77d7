package io.newswatch.alerts.cli;

import java.time.Instant;
import java.util.List;

import io.newswatch.schemas.EnrichedArticle;
import io.newswatch.schemas.Language;
import io.newswatch.schemas.RawArticle;

/** Used when no enricher is installed: text only, so entity and topic clauses cannot fire. */
final class TextOnlyEnricher implements ArticleEnricher {

    @Override
    public EnrichedArticle enrich(RawArticle article) {
        return EnrichedArticle.newBuilder()
                .setArticle(article)
                .setLanguage(new Language(article.getLanguage() != null ? article.getLanguage() : "und", 0.0))
                .setStoryId(article.getId())
                .setEntities(List.of())
                .setTopics(List.of())
                .setEnrichedAt(Instant.now())
                .build();
    }
}
