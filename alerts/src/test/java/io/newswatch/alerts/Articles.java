package io.newswatch.alerts;

import java.time.Instant;
import java.util.List;

import io.newswatch.schemas.EnrichedArticle;
import io.newswatch.schemas.Entity;
import io.newswatch.schemas.EntityType;
import io.newswatch.schemas.Field;
import io.newswatch.schemas.Language;
import io.newswatch.schemas.Mention;
import io.newswatch.schemas.Origin;
import io.newswatch.schemas.RawArticle;
import io.newswatch.schemas.Source;
import io.newswatch.schemas.Topic;

/** Builds enriched articles for tests. */
public final class Articles {

    private Articles() {
    }

    public static EnrichedArticle enriched(String id, String storyId, String title, String text, List<Entity> entities,
            List<Topic> topics) {
        RawArticle raw = RawArticle.newBuilder()
                .setId(id)
                .setUrl("https://news.example/" + id)
                .setSource(Source.newBuilder().setName("Example News").setDomain("news.example").build())
                .setOrigin(Origin.FEED)
                .setTitle(title)
                .setText(text)
                .setFetchedAt(Instant.parse("2026-11-01T10:00:00Z"))
                .setContentHash("h" + id)
                .build();
        return EnrichedArticle.newBuilder()
                .setArticle(raw)
                .setLanguage(new Language("eng", 0.99))
                .setStoryId(storyId)
                .setEntities(entities)
                .setTopics(topics)
                .setEnrichedAt(Instant.parse("2026-11-01T10:00:01Z"))
                .build();
    }

    /** The article, published at {@code time} (its event time for throttles) and fetched a minute later. */
    public static EnrichedArticle publishedAt(EnrichedArticle article, Instant time) {
        article.getArticle().setPublishedAt(time);
        article.getArticle().setFetchedAt(time.plusSeconds(60));
        return article;
    }

    public static Entity entity(EntityType type, String name, String text) {
        int start = text.indexOf(name);
        return Entity.newBuilder().setType(type).setName(name)
                .setMentions(List.of(new Mention(name, Field.TEXT, start, start + name.length())))
                .setCount(1).setSalience(0.5).build();
    }
}
